// Removes a document's lookup-key links.
UNWIND $ids AS i
MATCH (d:Document {id: i})-[r:HAS_KEY]->()
DELETE r
