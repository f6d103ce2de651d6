// Neo4j dialect: shortestPath() with a literal hop bound.
MATCH p = shortestPath((a:`{{FROM}}` {id: $src})-[*..{{HOPS}}]-(b:`{{TO}}` {id: $dst}))
RETURN a, b, nodes(p) AS ns, relationships(p) AS rs
LIMIT 1
