// The embedded engine builds no index behind a uniqueness constraint; Neo4j does.
CREATE INDEX respondent_token_hash_index IF NOT EXISTS FOR (r:Respondent) ON (r.tokenHash)
