// Starts from the indexed Entity id, then walks to the neighbours.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (f:Entity)
WHERE f.id IN $ids
MATCH (f:Forum)-[:COORDINATES]->(x:Activity)
WHERE ($asOf IS NULL OR ((x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR left($asOf, size(x.validTo)) <= x.validTo)))
RETURN f.id AS key, x {.*} AS node
ORDER BY x.name
