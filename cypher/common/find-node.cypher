// One node by id: a primary-key lookup in both stores (Kuzu answers it in ~0.2 ms, a third
// of what the batch form find-nodes.cypher costs for a single id).
MATCH (n:`{{LABEL}}` {id: $id})
RETURN n
