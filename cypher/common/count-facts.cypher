// Facts per document in one relation table (the consistency check).
MATCH ()-[r:`{{TYPE}}`]->()
RETURN r.doc AS doc, count(*) AS c
