// Ended sessions whose cookies have expired: nobody can send those any more.
MATCH (s:EndedSession)
WHERE s.expires <= $now
DELETE s
RETURN count(*) AS count
