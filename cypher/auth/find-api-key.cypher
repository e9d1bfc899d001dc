// The live key with this hash (sha256 of the key a client sent), if any.
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k {.id, .name, .role, .actorId, .createdAt, .createdBy, .revokedAt} AS key
