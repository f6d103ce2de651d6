// Kuzu dialect: the documents with a fact touching each node.
MATCH (n:`{{LABEL}}`)-[r]-()
WHERE n.id IN $ids
RETURN DISTINCT n.id AS node, r.doc AS doc
