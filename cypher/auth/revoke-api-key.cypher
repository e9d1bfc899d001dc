// Revokes a key; its sessions end with it. Revoking twice keeps the first time.
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, $at)
RETURN k {.id, .name, .role, .actorId, .createdAt, .createdBy, .revokedAt} AS key
