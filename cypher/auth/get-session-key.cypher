// The key a web session signed in with, revoked or not, and whether the
// session itself has been ended by signing out.
MATCH (k:ApiKey {id: $keyId})
OPTIONAL MATCH (s:EndedSession {id: $sessionId})
RETURN k {.id, .name, .role, .actorId, .createdAt, .createdBy, .revokedAt} AS key, s IS NOT NULL AS ended
