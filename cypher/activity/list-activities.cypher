MATCH (x:Activity)
WHERE ($text IS NULL OR toLower(coalesce(x.name, '')) CONTAINS toLower($text) OR toLower(coalesce(x.output, '')) CONTAINS toLower($text) OR toLower(coalesce(x.shortTermEffect, '')) CONTAINS toLower($text))
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
