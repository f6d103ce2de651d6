// How many nodes of one type have each number of distinct neighbours over some relation
// types (the API sizes its lists from these). {{LEFT}}/{{RIGHT}} give the direction, {{TYPES}}
// the relation types, {{KEY}} what is counted per: the node, or one of its properties.
MATCH (a:`{{LABEL}}`){{LEFT}}[r:{{TYPES}}]{{RIGHT}}(b)
WITH {{KEY}} AS k, count(DISTINCT b) AS c
RETURN c AS degree, count(*) AS nodes
