MATCH ()-[r:`{{TYPE}}`]->()
RETURN count(r) AS c
