MATCH (r:Area)
RETURN r {.*} AS node
