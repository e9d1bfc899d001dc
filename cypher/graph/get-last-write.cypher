// The graph's version and what the write that made it touched (see advance-version);
// touched is null where that write did not say, or before the first write.
OPTIONAL MATCH (v:Setting {name: 'graphVersion'})
RETURN coalesce(v.value, 0) AS version, v.touched AS touched
