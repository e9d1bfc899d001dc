// Stores a new API key: its hash only, never the key itself.
CREATE (k:ApiKey {id: $id})
SET k += $props
RETURN k {.id, .name, .role, .actorId, .createdAt, .createdBy, .revokedAt} AS key
