// The respondents of the rounds $ids with their organisations and answers, never their token hashes.
MATCH (r:Respondent)-[:ASKED_IN]->(s:SurveyRound)
WHERE s.id IN $ids
MATCH (r)-[:ANSWERS_FOR]->(o:Actor)
RETURN s.id AS key,
  r {.id, .name, .email, .createdAt, .revokedAt, .answeredAt, .savedAt, .a1, .a2, .b1, .b2, .c1, .c2,
    .targetA, .targetB, .targetC, .signals, .comment, organisation: o.id, organisationName: o.name} AS respondent
ORDER BY o.name, r.name, r.id
