// Every node of one type with its model properties ({{COLUMNS}}, from src/graph/model.ts), not
// the store's bookkeeping: what an in-memory index of the graph is built from.
MATCH (n:`{{LABEL}}`)
RETURN {{COLUMNS}}
