// The extraction, resolution and text a stored document was built from (to rebuild it).
UNWIND $ids AS i
MATCH (d:Document {id: i})
RETURN d.id AS id, d.extraction AS extraction, d.resolution AS resolution, d.text AS text, d.path AS path, d.sha256 AS sha256, d.format AS format
