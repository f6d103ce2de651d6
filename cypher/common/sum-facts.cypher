// Facts the stored documents say they have (the consistency check's cheap half).
MATCH (d:Document)
RETURN sum(d.facts) AS facts, count(d) AS documents
