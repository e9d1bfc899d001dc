// Every collaboration with the målområden its activities serve (through their goals or strategies):
// the rows of the taxonomy report. Lists may repeat a målområde; the caller deduplicates.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (c:Collaboration)
WHERE ($asOf IS NULL OR ((c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR left($asOf, size(c.validTo)) <= c.validTo)))
RETURN c {.*} AS node,
  [(c)-[:ON]->(:Activity)-[:CONTRIBUTES_TO]->(:Goal)-[:IN_TARGET_AREA]->(t:TargetArea) | t.id]
    + [(c)-[:ON]->(:Activity)-[:IMPLEMENTS]->(:Strategy)-[:IN_TARGET_AREA]->(t:TargetArea) | t.id] AS targetAreas
ORDER BY c.name, c.id
