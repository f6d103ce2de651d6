// Creates one document group's relations of one type between two node types. Relations are
// facts keyed by `doc`; they are deleted and recreated whenever their document changes. The
// store checks `created` against the batch, so a missing end fails the transaction.
UNWIND $rows AS row
MATCH (a:`{{FROM}}` {id: row.src})
MATCH (b:`{{TO}}` {id: row.dst})
CREATE (a)-[:`{{TYPE}}` {{{PROPS}}}]->(b)
RETURN count(*) AS created
