// Removes the answers of every demo assessment (isDemo): the first half of unloading the demo set.
MATCH (r:Response)-[:RESPONDS_TO]->(s:Assessment)
WHERE s.isDemo = true
DETACH DELETE r
RETURN count(r) AS count
