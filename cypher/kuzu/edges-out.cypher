// Kuzu dialect: every edge leaving any of $ids (neighbourhood expansion). `IN $ids` rather
// than UNWIND/{id: i}, which Kuzu 0.11 plans as a join over every edge: see related-out.cypher.
MATCH (a:`{{LABEL}}`)-[r]->(b)
WHERE a.id IN $ids
RETURN a.id AS src, r, b
