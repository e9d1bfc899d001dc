// Restores audit records from a backup: $rows: [{props}].
UNWIND $rows AS row
CREATE (c:Change)
SET c += row.props
RETURN count(c) AS count
