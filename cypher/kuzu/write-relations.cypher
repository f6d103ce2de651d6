// Kuzu dialect, for large batches (an initial load). An UNWIND that MATCHes both ends by a
// field of $rows is planned by Kuzu 0.11 as a join over the whole node table (~200 ms per 60
// rows on a 20k-node table, growing with the store); COPY FROM a subquery looks both ends up
// in the primary-key index and fails on a missing end. It costs a checkpoint at commit, so
// small batches use write-relation.cypher instead. Columns follow the rel table's order:
// from id, to id, then the properties as declared in cypher/kuzu/schema.cypher.
COPY `{{TYPE}}` FROM (UNWIND $rows AS row RETURN {{COLUMNS}}) (from = '{{FROM}}', to = '{{TO}}')
