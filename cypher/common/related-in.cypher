// Edges of one type arriving at any of $ids, with the node across.
UNWIND $ids AS i
MATCH (a:`{{LABEL}}` {id: i})<-[r:`{{TYPE}}`]-(b)
RETURN a.id AS src, r, b
