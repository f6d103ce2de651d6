// Tallies of cross-document lookup keys (JSON counters).
UNWIND $ids AS i
MATCH (k:IndexKey {id: i})
RETURN k.id AS id, k.counts AS counts
