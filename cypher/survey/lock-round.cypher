// Reads a round for a write after taking its write lock (as node/lock-nodes does),
// with the collaboration's participants: respondents answer for one of them.
MATCH (s:SurveyRound {id: $id})-[:SURVEYS]->(c:Collaboration)
SET s.writeLock = true
REMOVE s.writeLock
RETURN s {.*, collaboration: c.id} AS round,
  [(a:Actor)-[:PARTICIPATES_IN]->(c) | a {.id, .name}] AS participants
