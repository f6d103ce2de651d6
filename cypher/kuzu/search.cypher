// Kuzu dialect: ranked substring matching over one node type's searchable properties, the
// fallback for a store made before it had full-text indexes and opened read-only (which
// cannot create them). Search normally goes through Kuzu's full-text extension, which the
// npm package links in statically (`CALL show_loaded_extensions()` lists FTS, with no
// download): see full-text-search.cypher.
MATCH (n:`{{LABEL}}`)
WHERE {{MATCH}}
RETURN n
LIMIT $first
