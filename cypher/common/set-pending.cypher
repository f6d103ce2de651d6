MATCH (s:StoreInfo {id: 'store'})
SET s.pending = $pending
