// Kuzu dialect: every edge arriving at any of $ids (neighbourhood expansion). `IN $ids` rather
// than UNWIND/{id: i}: see related-out.cypher.
MATCH (a:`{{LABEL}}`)<-[r]-(b)
WHERE a.id IN $ids
RETURN a.id AS src, r, b
