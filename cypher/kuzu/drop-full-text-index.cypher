// Kuzu dialect: drops one full-text index. Kuzu 0.11.3 indexes every row of an UNWIND-batched
// CREATE with the first row's words (and can crash updating an index so corrupted), so the
// store drops its full-text indexes before writing and builds them again afterwards.
CALL DROP_FTS_INDEX('{{LABEL}}', '{{INDEX}}')
