// Kuzu dialect. Full-text search would use Kuzu's FTS extension, which is downloaded on
// first use; it cannot be assumed to be reachable, so this matches lower-cased substrings
// of one node type's searchable properties instead and the store ranks the hits.
MATCH (n:`{{LABEL}}`)
WHERE {{MATCH}}
RETURN n
LIMIT $first
