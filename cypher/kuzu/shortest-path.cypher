// Kuzu dialect: `* SHORTEST` with a literal hop bound over the relation types in {{TYPES}} (model
// relation types the caller allows, never the store's internal bookkeeping); nodes(e) holds only
// the inner nodes.
MATCH (a:`{{FROM}}` {id: $src})-[e:{{TYPES}}* SHORTEST 1..{{HOPS}}]-(b:`{{TO}}` {id: $dst})
RETURN a, b, nodes(e) AS ns, rels(e) AS rs
LIMIT 1
