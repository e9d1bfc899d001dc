MATCH (f:Forum)
WHERE ($text IS NULL OR toLower(coalesce(f.name, '')) CONTAINS toLower($text) OR toLower(coalesce(f.purpose, '')) CONTAINS toLower($text))
  AND ($level IS NULL OR f.level = $level)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:MEMBER_OF|CONVENES]->(f) })
  AND ($targetArea IS NULL OR EXISTS { (f)-[:WORKS_ON]->(:Goal)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) })
WITH f ORDER BY f.name, f.id
WITH collect(f {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
