// Every tie of an actor to a forum, activity or collaboration: the rows "who works with whom" is derived from.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (a:Actor)-[r:MEMBER_OF|CONVENES|RESPONSIBLE_FOR|PARTICIPATES_IN]->(c:Entity)
WHERE ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf))) AND ($asOf IS NULL OR ((c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR left($asOf, size(c.validTo)) <= c.validTo)))
RETURN a.id AS actor, c.id AS context, coalesce(c.name, c.text) AS name, type(r) AS via
