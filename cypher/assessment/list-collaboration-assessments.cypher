// The assessments of the collaborations $ids, each with its respondents' answers.
// Starts from the indexed Entity id. The CASE keeps an answerless placement's list
// empty on both engines (collect() of a null map projection is not null everywhere).
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only assessments dated by then.
MATCH (c:Entity)
WHERE c.id IN $ids
MATCH (s:Assessment)-[:OF]->(c:Collaboration)
WHERE $asOf IS NULL OR s.date <= $asOf
OPTIONAL MATCH (r:Response)-[:RESPONDS_TO]->(s)
OPTIONAL MATCH (r)-[:ON_BEHALF_OF]->(o:Actor)
WITH c, s, collect(CASE WHEN r IS NULL THEN NULL ELSE r {.*, organisation: o.id, organisationName: o.name} END) AS responses
RETURN c.id AS collaboration, s {.*} AS assessment, responses
ORDER BY s.date, s.recordedAt
