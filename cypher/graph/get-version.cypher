// The graph's version (see advance-version); 0 before the first write.
OPTIONAL MATCH (v:Setting {name: 'graphVersion'})
RETURN coalesce(v.value, 0) AS version
