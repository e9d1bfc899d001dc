MATCH (t:TargetArea)
RETURN t {.*} AS node
ORDER BY t.order, t.name
