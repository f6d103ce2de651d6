// How many nodes of one type a list would page through ({{WHERE}} as in list-nodes.cypher).
MATCH (n:`{{LABEL}}`)
WHERE {{WHERE}}
RETURN count(*) AS c
