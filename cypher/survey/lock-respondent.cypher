// Reads respondent $id for a write after taking its write lock (as node/lock-nodes
// does), with its answers so far and its round's state.
MATCH (r:Respondent {id: $id})-[:ASKED_IN]->(s:SurveyRound)
SET r.writeLock = true
REMOVE r.writeLock
RETURN r {.id, .name, .revokedAt, .answeredAt, .a1, .a2, .b1, .b2, .c1, .c2, .targetA, .targetB, .targetC} AS respondent,
  s.id AS round, s.status AS status
