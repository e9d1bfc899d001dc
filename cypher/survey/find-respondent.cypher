// What a personal link opens: the respondent whose token hashes to $hash, its round,
// the collaboration's name and participants, and the organisation it answers for.
MATCH (r:Respondent {tokenHash: $hash})-[:ASKED_IN]->(s:SurveyRound)-[:SURVEYS]->(c:Collaboration)
MATCH (r)-[:ANSWERS_FOR]->(o:Actor)
RETURN r {.id, .name, .revokedAt, .answeredAt, .savedAt, .a1, .a2, .b1, .b2, .c1, .c2,
    .targetA, .targetB, .targetC, .signals, .comment} AS respondent,
  s {.id, .status, .closesOn, .message} AS round,
  c.name AS collaboration,
  o.name AS organisation,
  [(a:Actor)-[:PARTICIPATES_IN]->(c) | a.name] AS participants
