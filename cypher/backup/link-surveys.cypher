// Restores which collaboration each round surveys: $rows: [{from, to, props}], from a SurveyRound to a Collaboration.
UNWIND $rows AS row
MATCH (s:SurveyRound {id: row.from})
MATCH (c:Entity {id: row.to})
CREATE (s)-[r:SURVEYS]->(c)
SET r += row.props
RETURN count(r) AS count
