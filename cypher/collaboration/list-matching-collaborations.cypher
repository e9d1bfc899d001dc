// Every collaboration matching the engine's filters, unpaged: the analysis then
// filters on what only it knows (the latest level, drift) and pages the rest.
// A målområde is reached as on the taxonomy (list-taxonomy-collaborations): through
// the activities it works on, their effektmål or their strategies.
MATCH (c:Collaboration)
WHERE ($text IS NULL OR toLower(coalesce(c.name, '')) CONTAINS toLower($text) OR toLower(coalesce(c.description, '')) CONTAINS toLower($text))
  AND ($type IS NULL OR c.type = $type)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:PARTICIPATES_IN]->(c) })
  AND ($targetArea IS NULL
    OR EXISTS { (c)-[:ON]->(:Activity)-[:CONTRIBUTES_TO]->(:Goal)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) }
    OR EXISTS { (c)-[:ON]->(:Activity)-[:IMPLEMENTS]->(:Strategy)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) })
RETURN c {.*} AS node
ORDER BY c.name, c.id
