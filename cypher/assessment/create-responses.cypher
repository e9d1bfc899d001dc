// Adds respondents' answers $rows: [{organisation, props}] to assessment $assessment.
// A row whose organisation is not an actor is left out: the caller compares the count.
UNWIND $rows AS row
MATCH (s:Entity {id: $assessment})
MATCH (o:Entity {id: row.organisation})
WHERE o:Actor
CREATE (r:Response)-[:RESPONDS_TO]->(s)
SET r += row.props
CREATE (r)-[:ON_BEHALF_OF]->(o)
RETURN count(r) AS count
