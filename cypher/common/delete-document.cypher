UNWIND $ids AS i
MATCH (d:Document {id: i})
DETACH DELETE d
