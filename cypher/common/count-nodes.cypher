MATCH (n:`{{LABEL}}`)
RETURN count(n) AS c
