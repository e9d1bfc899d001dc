MATCH (g:Goal)
WHERE ($text IS NULL OR toLower(coalesce(g.text, '')) CONTAINS toLower($text))
  AND ($targetArea IS NULL OR EXISTS { (g)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) })
WITH g ORDER BY g.text, g.id
WITH collect(g {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
