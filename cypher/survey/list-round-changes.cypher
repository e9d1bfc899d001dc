// The audit trail of round $id, newest first: its records name the round (and its
// respondents) among their subjects, since rounds are not Entities to link to.
MATCH (c:Change)
WHERE $id IN c.subjects
RETURN c {.*} AS change
ORDER BY c.at DESC, c.id DESC
