// Forums matching every filter given (null: any), one page of them and the count of all.
// $confirmedSince: the oldest confirmation that still counts (ISO 8601 text compares in time order).
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (f:Forum)
WHERE ($asOf IS NULL OR ((f.validFrom IS NULL OR f.validFrom <= $asOf) AND (f.validTo IS NULL OR left($asOf, size(f.validTo)) <= f.validTo)))
  AND ($text IS NULL OR toLower(coalesce(f.name, '')) CONTAINS toLower($text) OR toLower(coalesce(f.purpose, '')) CONTAINS toLower($text))
  AND ($level IS NULL OR f.level = $level)
  AND ($actor IS NULL OR EXISTS { (:Actor {id: $actor})-[:MEMBER_OF|CONVENES]->(f) })
  AND ($convenor IS NULL OR EXISTS { (:Actor {id: $convenor})-[:CONVENES]->(f) })
  AND ($targetArea IS NULL OR EXISTS { (f)-[:WORKS_ON]->(:Goal)-[:IN_TARGET_AREA]->(:TargetArea {id: $targetArea}) })
  AND ($targetGroup IS NULL OR $targetGroup IN coalesce(f.targetGroups, []))
  AND ($confirmationDue IS NULL OR (f.confirmedAt IS NULL OR f.confirmedAt < $confirmedSince) = $confirmationDue)
WITH f
ORDER BY CASE WHEN $order = 'CONFIRMATION_DUE' THEN coalesce(f.confirmedAt, '') ELSE '' END, f.name, f.id
WITH collect(f {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
