// Kuzu dialect: the indexes the database holds (the store creates the full-text ones it lacks).
CALL SHOW_INDEXES() RETURN index_name AS name
