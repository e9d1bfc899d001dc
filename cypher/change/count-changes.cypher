// How many edits the audit trail holds: a reload of the seed data must not silently undo them.
MATCH (c:Change)
RETURN count(c) AS count
