// Opens one skattningsomgång per row of $rows: [{id, collaboration, props}].
// A row whose collaboration is gone is left out: the caller compares the count.
UNWIND $rows AS row
MATCH (c:Entity {id: row.collaboration})
WHERE c:Collaboration
CREATE (s:SurveyRound {id: row.id})-[:SURVEYS]->(c)
SET s += row.props, s.version = 1
RETURN s {.*, collaboration: c.id} AS round
