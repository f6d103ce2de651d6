// Kuzu dialect, for small batches: one relation per execution of this prepared statement,
// both ends found through the primary-key index (~0.3 ms whatever the store's size). The store
// checks that it created one relation, so a missing end fails the transaction.
MATCH (a:`{{FROM}}` {id: $src})
MATCH (b:`{{TO}}` {id: $dst})
CREATE (a)-[:`{{TYPE}}` {{{PROPS}}}]->(b)
RETURN count(*) AS created
