// A collaboration's skattningsomgångar and their respondents, removed with it: the names
// and e-mail addresses were given for its rounds only. Its assessments go by their own statement.
MATCH (s:SurveyRound)-[:SURVEYS]->(c:Entity {id: $id})
OPTIONAL MATCH (p:Respondent)-[:ASKED_IN]->(s)
WITH s, collect(p) AS respondents, s.id AS round
FOREACH (respondent IN respondents | DETACH DELETE respondent)
DETACH DELETE s
RETURN round
