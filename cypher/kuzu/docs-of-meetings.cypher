// Kuzu dialect: the documents each meeting is sourced from.
MATCH (m:Meeting)-[:SOURCED_FROM]->(d:Document)
WHERE m.id IN $ids
RETURN m.id AS meeting, d.id AS doc
