// The embedded engine builds no index behind a uniqueness constraint; Neo4j does.
CREATE INDEX ended_session_id_index IF NOT EXISTS FOR (s:EndedSession) ON (s.id)
