// Adds the respondents $rows: [{id, organisation, props}] to round $round.
// A row whose organisation is not an actor is left out: the caller compares the count.
UNWIND $rows AS row
MATCH (s:SurveyRound {id: $round})
MATCH (o:Entity {id: row.organisation})
WHERE o:Actor
CREATE (r:Respondent {id: row.id})-[:ASKED_IN]->(s)
SET r += row.props
CREATE (r)-[:ANSWERS_FOR]->(o)
RETURN count(r) AS count
