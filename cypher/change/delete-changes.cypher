// Removes audit records by id. Not reachable from the API (the audit trail is
// append-only there): for test clean-up and for a retention policy run by an operator.
MATCH (c:Change)
WHERE c.id IN $ids
DETACH DELETE c
RETURN count(*) AS count
