// Every value of one searchable property, from which the store builds its search vocabulary.
MATCH (n:`{{LABEL}}`)
RETURN n.{{PROP}} AS v
