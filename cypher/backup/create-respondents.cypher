// Restores a round's respondents (token hashes, never tokens) from a backup: $rows: [{props}].
UNWIND $rows AS row
CREATE (r:Respondent)
SET r += row.props
RETURN count(r) AS count
