// The changes of a node that no longer exists (its CHANGED links went with
// it), found by the ids each change keeps; a scan, so only for deleted nodes.
MATCH (c:Change)
WHERE $id IN c.subjects
WITH c ORDER BY c.at DESC, c.id DESC
WITH collect(c {.*}) AS rows
RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS page
