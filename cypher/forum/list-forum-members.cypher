// Starts from the indexed Entity id, then walks to the neighbours.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (f:Entity)
WHERE f.id IN $ids
MATCH (a:Actor)-[r:MEMBER_OF]->(f:Forum)
WHERE ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
RETURN f.id AS key, a {.*} AS node, r {.*} AS rel
ORDER BY a.name
