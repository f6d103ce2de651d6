// Removes nodes no document claims any more (they have no relation left either).
UNWIND $ids AS i
MATCH (n:`{{LABEL}}` {id: i})
DETACH DELETE n
