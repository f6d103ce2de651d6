// The documents with a fact touching each node (its relations carry their document).
UNWIND $ids AS i
MATCH (n:`{{LABEL}}` {id: i})-[r]-()
RETURN DISTINCT n.id AS node, r.doc AS doc
