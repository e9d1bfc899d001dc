// Starts from the indexed Entity id, then walks to the neighbours.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (x:Entity)
WHERE x.id IN $ids
MATCH (f:Forum)-[:COORDINATES]->(x:Activity)
WHERE ($asOf IS NULL OR ((f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR left($asOf, size(f.validTo)) <= f.validTo)))
RETURN x.id AS key, f {.*} AS node
ORDER BY f.name
