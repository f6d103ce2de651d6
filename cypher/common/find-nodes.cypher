// Nodes of one type by id (primary-key lookups).
UNWIND $ids AS i
MATCH (n:`{{LABEL}}` {id: i})
RETURN n
