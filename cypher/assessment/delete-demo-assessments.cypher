// Removes every demo assessment (isDemo), after delete-demo-responses: the Borås facts are never touched.
MATCH (s:Assessment)
WHERE s.isDemo = true
DETACH DELETE s
RETURN count(s) AS count
