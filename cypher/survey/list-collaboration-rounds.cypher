// The rounds of the collaborations $ids, oldest first: a collaboration's survey history.
MATCH (c:Entity)
WHERE c.id IN $ids
MATCH (s:SurveyRound)-[:SURVEYS]->(c:Collaboration)
RETURN c.id AS key, s {.*, collaboration: c.id} AS round
ORDER BY s.openedAt, s.id
