// Restores sign-in keys (stored as hashes) from a backup: $rows: [{props}].
UNWIND $rows AS row
CREATE (k:ApiKey)
SET k += row.props
RETURN count(k) AS count
