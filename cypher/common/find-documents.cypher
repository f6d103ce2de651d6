// The stored versions of documents: what replacing or removing them needs (hash, the nodes
// their facts touched, what they claimed of shared nodes, their lookup keys and tallies).
UNWIND $ids AS i
MATCH (d:Document {id: i})
RETURN d.id AS id, d.sha256 AS sha256, d.graph AS graph, d.model AS model, d.touched AS touched, d.claims AS claims, d.keys AS keys, d.tallies AS tallies, d.facts AS facts, d.path AS path
