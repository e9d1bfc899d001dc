MATCH (s:Strategy)
WHERE ($text IS NULL OR toLower(coalesce(s.name, '')) CONTAINS toLower($text) OR toLower(coalesce(s.description, '')) CONTAINS toLower($text))
WITH s ORDER BY s.name, s.id
WITH collect(s {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
