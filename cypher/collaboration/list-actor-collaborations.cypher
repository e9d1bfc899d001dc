// Starts from the indexed Entity id, then walks to the neighbours.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (a:Entity)
WHERE a.id IN $ids
MATCH (a:Actor)-[r:PARTICIPATES_IN]->(c:Collaboration)
WHERE ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf))) AND ($asOf IS NULL OR ((c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR left($asOf, size(c.validTo)) <= c.validTo)))
RETURN a.id AS key, c {.*} AS node
ORDER BY c.name
