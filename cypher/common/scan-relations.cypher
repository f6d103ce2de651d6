// Every relation of one type between two node types, with its evidence and properties
// ({{COLUMNS}}, from src/graph/model.ts): what an in-memory index of the graph is built from.
// One whole-table join, where the per-id forms (related-out) would scan the far table per call.
MATCH (a:`{{FROM}}`)-[r:`{{TYPE}}`]->(b:`{{TO}}`)
RETURN a.id AS src, b.id AS dst, {{COLUMNS}}
