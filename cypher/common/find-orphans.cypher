// Nodes of one type with no relation at all (no document supports them).
MATCH (n:`{{LABEL}}`)
WHERE NOT EXISTS { MATCH (n)-[]-() }
RETURN n.id AS id
