MERGE (s:StoreInfo {id: 'store'})
SET s.model = $model, s.version = $version, s.pending = $pending, s.written = $written
