// Nodes of one type by how many distinct nodes they reach over some relation types, most first
// (the dashboard's home view: the most active people, the busiest bodies). {{PATTERN}} is an
// arrow over relation types of the model, e.g. -[:`ATTENDED`|`CHAIRED`]->.
MATCH (n:`{{LABEL}}`){{PATTERN}}(o)
RETURN n.id AS id, count(DISTINCT o.id) AS total
ORDER BY total DESC, id
LIMIT $first
