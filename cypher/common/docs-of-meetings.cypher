// The documents each meeting is sourced from.
UNWIND $ids AS i
MATCH (m:Meeting {id: i})-[:SOURCED_FROM]->(d:Document)
RETURN m.id AS meeting, d.id AS doc
