// What cross-document resolution reads of stored documents: summary, resolution, keys, tallies.
UNWIND $ids AS i
MATCH (d:Document {id: i})
RETURN d.id AS id, d.summary AS summary, d.resolution AS resolution, d.keys AS keys, d.tallies AS tallies
