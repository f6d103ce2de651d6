// The documents holding each cross-document lookup key.
UNWIND $ids AS i
MATCH (d:Document)-[:HAS_KEY]->(k:IndexKey {id: i})
RETURN k.id AS key, d.id AS doc
