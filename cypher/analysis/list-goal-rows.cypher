// Effektmål with their målområde: rows for the gap and overlap rules.
MATCH (g:Goal)
RETURN g {.*} AS node, [(g)-[:IN_TARGET_AREA]->(t:TargetArea) | t.id] AS targetAreas
