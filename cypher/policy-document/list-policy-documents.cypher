MATCH (d:PolicyDocument)
WHERE ($text IS NULL OR toLower(coalesce(d.title, '')) CONTAINS toLower($text))
  AND ($type IS NULL OR d.type = $type)
WITH d ORDER BY d.title, d.id
WITH collect(d {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
