// Neo4j dialect: the full-text index made by schema.cypher (BM25, English analyser, like
// Kuzu's). $query is words only, OR-ed: the store strips everything else and adds the
// alternatives for misspelt words (src/graph/stores/vocabulary.ts).
CALL db.index.fulltext.queryNodes('councilgraph_text', $query) YIELD node, score
RETURN node AS n, score
LIMIT $first
