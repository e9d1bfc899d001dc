// Restores skattningsomgångar from a backup: $rows: [{props}]; their links follow with backup/link-surveys.
UNWIND $rows AS row
CREATE (s:SurveyRound)
SET s += row.props
RETURN count(s) AS count
