// Kuzu dialect: edges of one type leaving any of $ids, with the node across. Kuzu 0.11 plans
// the shared form (UNWIND $ids, then {id: i}) as a hash join over the start table's every edge:
// 20-30 ms for one id on a 2,000-meeting store. Filtering the start node with `IN $ids`, and
// naming the far end's table(s) in {{OTHER}} so that only their columns are read, costs
// 1.5-5 ms for the API's batch sizes. (Past ~500 ids on the 15k-row Item table the IN filter
// costs more than the join would; the API reads in batches well below that.)
MATCH (a:`{{LABEL}}`)-[r:`{{TYPE}}`]->(b{{OTHER}})
WHERE a.id IN $ids
RETURN a.id AS src, r, b
