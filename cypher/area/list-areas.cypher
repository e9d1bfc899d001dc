MATCH (a:Area)
RETURN a {.*} AS node
ORDER BY a.name
