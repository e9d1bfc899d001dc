// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (x:Activity)
WHERE ($asOf IS NULL OR ((x.validFrom IS NULL OR x.validFrom <= $asOf) AND (x.validTo IS NULL OR left($asOf, size(x.validTo)) <= x.validTo)))
  AND ($text IS NULL OR toLower(coalesce(x.name, '')) CONTAINS toLower($text) OR toLower(coalesce(x.output, '')) CONTAINS toLower($text) OR toLower(coalesce(x.shortTermEffect, '')) CONTAINS toLower($text))
  AND ($kind IS NULL OR x.kind = $kind)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:RESPONSIBLE_FOR]->(x) })
  AND ($goal IS NULL OR EXISTS { (x)-[:CONTRIBUTES_TO]->(:Goal {id: $goal}) })
  AND ($targetArea IS NULL OR EXISTS { (x)-[:CONTRIBUTES_TO]->(:Goal)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) })
  AND ($area IS NULL OR EXISTS { (x)-[:IN_AREA]->(:Area {id: $area}) })
  AND (NOT $missingResponsible OR NOT EXISTS { (:Actor)-[:RESPONSIBLE_FOR]->(x) })
  AND (NOT $missingPeriod OR coalesce(x.period, '') = '')
  AND (NOT $missingResources OR coalesce(x.resources, '') = '')
WITH x ORDER BY x.name, x.id
WITH collect(x {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
