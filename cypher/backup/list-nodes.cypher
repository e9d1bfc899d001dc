// Every node with its labels and properties, for a backup; a Response (which has
// no id) with the assessment it answers and the actor it answers for.
MATCH (n)
WHERE NOT (n:Setting AND n.name = 'graphVersion')
OPTIONAL MATCH (n:Response)-[:RESPONDS_TO]->(s:Assessment)
OPTIONAL MATCH (n:Response)-[:ON_BEHALF_OF]->(o:Actor)
RETURN labels(n) AS labels, n {.*} AS props, s.id AS assessment, o.id AS organisation
