// A key by id, revoked or not: a session names its key by id.
MATCH (k:ApiKey {id: $id})
RETURN k {.id, .name, .role, .actorId, .createdAt, .createdBy, .revokedAt} AS key
