// Starts from the indexed Entity id, then walks to the neighbours.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (c:Entity)
WHERE c.id IN $ids
MATCH (c:Collaboration)-[:THROUGH]->(f:Forum)
WHERE ($asOf IS NULL OR ((f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR left($asOf, size(f.validTo)) <= f.validTo)))
RETURN c.id AS key, f {.*} AS node
ORDER BY f.name
