// Every stored document, by id: path, hash, fact count and write batch (ingest plans, checks).
MATCH (d:Document)
RETURN d.id AS id, d.path AS path, d.sha256 AS sha256, d.facts AS facts, d.batch AS batch, d.extraction IS NOT NULL AS rebuildable, d.model AS model
ORDER BY d.id
