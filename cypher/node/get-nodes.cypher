// Any domain node by id; `label` is its type (the label beside Entity).
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Entity'][0] AS label
