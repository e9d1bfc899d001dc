// Every relationship the rules look at, as an edge list: one linear scan, assembled into rows in TypeScript.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (a:Entity)-[r:MEMBER_OF|CONVENES|RESPONSIBLE_FOR|PARTICIPATES_IN|CONTRIBUTES_TO|IMPLEMENTS|IN_TARGET_AREA|IN_AREA|WORKS_ON|COORDINATES|GOVERNED_BY|OWNS|PART_OF|THROUGH|ON|OF|SHOULD_COORDINATE_WITH]->(b:Entity)
WHERE ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
  AND ($asOf IS NULL OR ((a.validFrom IS NULL OR a.validFrom <= $asOf) AND (a.validTo IS NULL OR left($asOf, size(a.validTo)) <= a.validTo))) AND ($asOf IS NULL OR ((b.validFrom IS NULL OR b.validFrom <= $asOf) AND (b.validTo IS NULL OR left($asOf, size(b.validTo)) <= b.validTo)))
RETURN a.id AS from, type(r) AS type, b.id AS to
