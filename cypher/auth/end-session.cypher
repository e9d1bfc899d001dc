// Ends a web session (sign-out): its cookie stays validly signed until it
// expires, so the session's id is kept until then. Ending it twice is no error.
MERGE (s:EndedSession {id: $id})
ON CREATE SET s.expires = $expires
RETURN s.id AS id
