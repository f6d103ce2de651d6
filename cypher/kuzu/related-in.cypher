// Kuzu dialect: edges of one type arriving at any of $ids, with the node across. `IN $ids`
// rather than UNWIND/{id: i}, and the far end's table(s) named: see related-out.cypher.
MATCH (a:`{{LABEL}}`)<-[r:`{{TYPE}}`]-(b{{OTHER}})
WHERE a.id IN $ids
RETURN a.id AS src, r, b
