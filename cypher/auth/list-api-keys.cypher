// Every key, newest first, without hashes.
MATCH (k:ApiKey)
RETURN k {.id, .name, .role, .actorId, .createdAt, .createdBy, .revokedAt} AS key
ORDER BY k.createdAt DESC, k.id
