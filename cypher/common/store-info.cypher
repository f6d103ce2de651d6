// The store's own record: model version, format version, a bulk write not yet known durable.
MATCH (s:StoreInfo)
RETURN s.id AS id, s.model AS model, s.version AS version, s.pending AS pending, s.written AS written
