MATCH (c:Collaboration)
WHERE ($text IS NULL OR toLower(coalesce(c.name, '')) CONTAINS toLower($text) OR toLower(coalesce(c.description, '')) CONTAINS toLower($text))
  AND ($type IS NULL OR c.type = $type)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:PARTICIPATES_IN]->(c) })
WITH c ORDER BY c.name, c.id
WITH collect(c {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
