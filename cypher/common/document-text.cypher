// A document's text as ingested (packed), for the API's Source.text.
MATCH (d:Document {id: $id})
RETURN d.text AS text
