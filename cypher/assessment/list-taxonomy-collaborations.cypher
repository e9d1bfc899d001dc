// Every collaboration with the målområden its activities serve (through their goals or strategies):
// the rows of the taxonomy report. Lists may repeat a målområde; the caller deduplicates.
MATCH (c:Collaboration)
RETURN c {.*} AS node,
  [(c)-[:ON]->(:Activity)-[:CONTRIBUTES_TO]->(:Goal)-[:IN_TARGET_AREA]->(t:TargetArea) | t.id]
    + [(c)-[:ON]->(:Activity)-[:IMPLEMENTS]->(:Strategy)-[:IN_TARGET_AREA]->(t:TargetArea) | t.id] AS targetAreas
ORDER BY c.name, c.id
