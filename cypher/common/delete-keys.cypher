// Removes lookup keys no document holds any more.
UNWIND $ids AS i
MATCH (k:IndexKey {id: i})
WHERE k.counts IS NULL AND NOT EXISTS { MATCH (k)<-[:HAS_KEY]-() }
DELETE k
