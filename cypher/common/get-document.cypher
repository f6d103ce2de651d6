// One stored document's hash (a primary-key lookup).
MATCH (d:Document {id: $id})
RETURN d.sha256 AS sha256
