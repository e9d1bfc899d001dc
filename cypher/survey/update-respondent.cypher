// Sets the properties $props of respondent $id (a saved answer, a revocation).
MATCH (r:Respondent {id: $id})
SET r += $props
RETURN r.id AS id
