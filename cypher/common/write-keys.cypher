// Creates or rewrites lookup keys and their tallies.
UNWIND $rows AS row
MERGE (k:IndexKey {id: row.id})
SET k.counts = row.counts
