// Starts from the indexed Entity id, then walks to the neighbours.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (a:Entity)
WHERE a.id IN $ids
MATCH (a:Actor)-[r:MEMBER_OF]->(f:Forum)
WHERE ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf))) AND ($asOf IS NULL OR ((f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR left($asOf, size(f.validTo)) <= f.validTo)))
RETURN a.id AS key, f {.*} AS node, r {.*} AS rel
ORDER BY f.name
