// Restores which round each respondent is asked in: $rows: [{from, to, props}], from a Respondent to a SurveyRound.
UNWIND $rows AS row
MATCH (p:Respondent {id: row.from})
MATCH (s:SurveyRound {id: row.to})
CREATE (p)-[r:ASKED_IN]->(s)
SET r += row.props
RETURN count(r) AS count
