// Creates nodes of one type that the store does not hold yet. {{LABEL}} and {{PROPS}} come
// from src/graph/model.ts; every value arrives through $rows.
UNWIND $rows AS row
CREATE (n:`{{LABEL}}` {{{PROPS}}})
