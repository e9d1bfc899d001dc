// Rounds by their ids $ids, each with the collaboration it surveys.
MATCH (s:SurveyRound)-[:SURVEYS]->(c:Collaboration)
WHERE s.id IN $ids
RETURN s {.*, collaboration: c.id} AS round
