// Puts back the ended sessions of a backup, so that a signed-out cookie stays refused after a restore.
UNWIND $rows AS row
CREATE (s:EndedSession)
SET s += row.props
RETURN count(s) AS count
