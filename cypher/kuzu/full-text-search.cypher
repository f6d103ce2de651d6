// Kuzu dialect: one node type's full-text index (BM25 over English-stemmed words; see
// full-text-indexes.cypher). $query is words only: the store strips everything else and adds
// the alternatives for misspelt words (src/graph/stores/vocabulary.ts).
CALL QUERY_FTS_INDEX('{{LABEL}}', '{{INDEX}}', $query, top := $first)
RETURN node AS n, score
