// The embedded engine builds no index behind a uniqueness constraint; Neo4j does.
CREATE INDEX survey_round_id_index IF NOT EXISTS FOR (s:SurveyRound) ON (s.id)
