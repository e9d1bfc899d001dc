// Rounds are found by id on every editor's request about them.
CREATE CONSTRAINT survey_round_id_unique IF NOT EXISTS FOR (s:SurveyRound) REQUIRE s.id IS UNIQUE
