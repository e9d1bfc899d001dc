// Every collaboration matching the engine's filters, unpaged: the analysis then
// filters on what only it knows (the latest level, drift) and pages the rest.
// A målområde is reached as on the taxonomy (list-taxonomy-collaborations): through
// the activities it works on, their effektmål or their strategies.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (c:Collaboration)
WHERE ($asOf IS NULL OR ((c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR left($asOf, size(c.validTo)) <= c.validTo)))
  AND ($text IS NULL OR toLower(coalesce(c.name, '')) CONTAINS toLower($text) OR toLower(coalesce(c.description, '')) CONTAINS toLower($text))
  AND ($type IS NULL OR c.type = $type)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:PARTICIPATES_IN]->(c) })
  AND ($targetArea IS NULL
    OR EXISTS { (c)-[:ON]->(:Activity)-[:CONTRIBUTES_TO]->(:Goal)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) }
    OR EXISTS { (c)-[:ON]->(:Activity)-[:IMPLEMENTS]->(:Strategy)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) })
RETURN c {.*} AS node
ORDER BY c.name, c.id
