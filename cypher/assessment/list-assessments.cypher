// Every assessment of every collaboration, with its respondents' answers: the taxonomy report and the gap rules.
// The CASE keeps an answerless placement's list empty on both engines.
MATCH (s:Assessment)-[:OF]->(c:Collaboration)
OPTIONAL MATCH (r:Response)-[:RESPONDS_TO]->(s)
OPTIONAL MATCH (r)-[:ON_BEHALF_OF]->(o:Actor)
WITH c, s, collect(CASE WHEN r IS NULL THEN NULL ELSE r {.*, organisation: o.id, organisationName: o.name} END) AS responses
RETURN c.id AS collaboration, s {.*} AS assessment, responses
ORDER BY c.id, s.date, s.recordedAt
