// One page of actors by name, and how many match in all.
MATCH (a:Actor)
WHERE ($text IS NULL OR toLower(coalesce(a.name, '')) CONTAINS toLower($text) OR toLower(coalesce(a.shortName, '')) CONTAINS toLower($text))
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND ($targetArea IS NULL
    OR EXISTS { (a)-[:RESPONSIBLE_FOR]->(:Activity)-[:CONTRIBUTES_TO]->(:Goal)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) }
    OR EXISTS { (a)-[:MEMBER_OF]->(:Forum)-[:WORKS_ON]->(:Goal)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) })
  AND ($area IS NULL OR EXISTS { (a)-[:RESPONSIBLE_FOR]->(:Activity)-[:IN_AREA]->(:Area {id: $area}) })
WITH a ORDER BY a.name, a.id
WITH collect(a {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
