// A page of nodes of one type. {{WHERE}} is built from the model's property names and only
// ever compares them with parameters.
MATCH (n:`{{LABEL}}`)
WHERE {{WHERE}}
RETURN n
ORDER BY {{ORDER}}
SKIP $offset
LIMIT $first
