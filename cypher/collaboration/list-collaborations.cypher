// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (c:Collaboration)
WHERE ($asOf IS NULL OR ((c.validFrom IS NULL OR c.validFrom <= $asOf) AND (c.validTo IS NULL OR left($asOf, size(c.validTo)) <= c.validTo)))
  AND ($text IS NULL OR toLower(coalesce(c.name, '')) CONTAINS toLower($text) OR toLower(coalesce(c.description, '')) CONTAINS toLower($text))
  AND ($type IS NULL OR c.type = $type)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:PARTICIPATES_IN]->(c) })
WITH c ORDER BY c.name, c.id
WITH collect(c {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
