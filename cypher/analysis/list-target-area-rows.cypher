MATCH (t:TargetArea)
RETURN t {.*} AS node
