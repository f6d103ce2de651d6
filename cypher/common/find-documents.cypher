// The stored versions of documents: hash and the nodes their facts touched.
UNWIND $ids AS i
MATCH (d:Document {id: i})
RETURN d.id AS id, d.sha256 AS sha256, d.touched AS touched
