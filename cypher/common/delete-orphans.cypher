// Removes entities that no document supports any more: no relation left at all.
UNWIND $ids AS i
MATCH (n:`{{LABEL}}` {id: i})
WHERE NOT EXISTS { MATCH (n)-[]-() }
DELETE n
RETURN count(*) AS deleted
