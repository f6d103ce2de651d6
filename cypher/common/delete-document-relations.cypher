// Deletes the facts one document stated, starting from the nodes it touched.
UNWIND $ids AS i
MATCH (a:`{{LABEL}}` {id: i})-[r]->()
WHERE r.doc = $doc
DELETE r
RETURN count(*) AS deleted
