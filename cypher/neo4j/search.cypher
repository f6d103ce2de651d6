// Neo4j dialect: the full-text index made by schema.cypher; $query is Lucene syntax, escaped
// by the store.
CALL db.index.fulltext.queryNodes('councilgraph_search', $query) YIELD node, score
RETURN node AS n, score
LIMIT $first
