// The embedded engine builds no index behind a uniqueness constraint; Neo4j does.
CREATE INDEX entity_id_index IF NOT EXISTS FOR (n:Entity) ON (n.id)
