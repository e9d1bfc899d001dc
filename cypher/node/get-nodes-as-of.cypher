// Domain nodes by id as of a day: those whose validity covers it (ÅÅÅÅ-MM-DD; a date given as a
// year or month covers all of it; a node without dates holds throughout). `label` is its type.
MATCH (n:Entity)
WHERE n.id IN $ids
  AND (n.validFrom IS NULL OR n.validFrom <= $asOf)
  AND (n.validTo IS NULL OR left($asOf, size(n.validTo)) <= n.validTo)
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
