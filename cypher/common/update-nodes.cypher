// Rewrites the properties of nodes of one type that another document already created.
UNWIND $rows AS row
MATCH (n:`{{LABEL}}` {id: row.id})
SET {{SET}}
