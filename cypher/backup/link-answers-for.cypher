// Restores which organisation each respondent answers for: $rows: [{from, to, props}], from a Respondent to an Actor.
UNWIND $rows AS row
MATCH (p:Respondent {id: row.from})
MATCH (o:Entity {id: row.to})
CREATE (p)-[r:ANSWERS_FOR]->(o)
SET r += row.props
RETURN count(r) AS count
