// The embedded engine builds no index behind a uniqueness constraint; Neo4j does.
CREATE INDEX api_key_id_index IF NOT EXISTS FOR (k:ApiKey) ON (k.id)
