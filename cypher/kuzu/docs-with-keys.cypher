// Kuzu dialect: the documents holding each cross-document lookup key (`IN $ids`: see
// related-out.cypher for why not UNWIND).
MATCH (d:Document)-[:HAS_KEY]->(k:IndexKey)
WHERE k.id IN $ids
RETURN k.id AS key, d.id AS doc
