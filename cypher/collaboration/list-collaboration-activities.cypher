// Starts from the indexed Entity id, then walks to the neighbours.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (c:Entity)
WHERE c.id IN $ids
MATCH (c:Collaboration)-[:ON]->(x:Activity)
WHERE ($asOf IS NULL OR ((x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR left($asOf, size(x.validTo)) <= x.validTo)))
RETURN c.id AS key, x {.*} AS node
ORDER BY x.name
