// Every assessment of every collaboration, with its respondents' answers: the taxonomy report and the gap rules.
// The CASE keeps an answerless placement's list empty on both engines.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only assessments dated by then, of collaborations that held then.
MATCH (s:Assessment)-[:OF]->(c:Collaboration)
WHERE ($asOf IS NULL OR s.date <= $asOf) AND ($asOf IS NULL OR ((c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR left($asOf, size(c.validTo)) <= c.validTo)))
OPTIONAL MATCH (r:Response)-[:RESPONDS_TO]->(s)
OPTIONAL MATCH (r)-[:ON_BEHALF_OF]->(o:Actor)
WITH c, s, collect(CASE WHEN r IS NULL THEN NULL ELSE r {.*, organisation: o.id, organisationName: o.name} END) AS responses
RETURN c.id AS collaboration, s {.*} AS assessment, responses
ORDER BY c.id, s.date, s.recordedAt
