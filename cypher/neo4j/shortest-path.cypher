// Neo4j dialect: shortestPath() with a literal hop bound over the relation types in {{TYPES}}
// (model relation types the caller allows, never the store's internal bookkeeping).
MATCH p = shortestPath((a:`{{FROM}}` {id: $src})-[:{{TYPES}}*..{{HOPS}}]-(b:`{{TO}}` {id: $dst}))
RETURN a, b, nodes(p) AS ns, relationships(p) AS rs
LIMIT 1
