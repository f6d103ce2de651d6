// Kuzu dialect: how many node pairs are joined by each number of edges of one type (one edge
// per document sentence stating the fact: the length of an `evidence` list). label(r) is
// Kuzu's name for a relation's type.
MATCH (a)-[r]->(b)
WITH a, b, label(r) AS t, count(r) AS c
RETURN c AS degree, count(*) AS nodes
