// Removes the respondents' answers of the assessments $ids; node/delete-nodes then removes the assessments.
MATCH (s:Entity)
WHERE s.id IN $ids
MATCH (r:Response)-[:RESPONDS_TO]->(s:Assessment)
DETACH DELETE r
RETURN count(r) AS count
