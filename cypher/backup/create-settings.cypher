// Restores service settings from a backup: $rows: [{props}].
UNWIND $rows AS row
CREATE (s:Setting)
SET s += row.props
RETURN count(s) AS count
