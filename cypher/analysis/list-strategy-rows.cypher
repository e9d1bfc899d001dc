MATCH (s:Strategy)
RETURN s {.*} AS node, [(s)-[:IN_TARGET_AREA]->(t:TargetArea) | t.id] AS targetAreas
