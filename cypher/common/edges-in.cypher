// Every edge arriving at any of $ids (neighbourhood expansion).
UNWIND $ids AS i
MATCH (a:`{{LABEL}}` {id: i})<-[r]-(b)
RETURN a.id AS src, r, b
