// The graph's version: the last step of every write transaction counts it up, so a report
// computed at one version is good until the next commit, in this process and in any other.
MERGE (v:Setting {name: 'graphVersion'})
SET v.value = coalesce(v.value, 0) + 1
RETURN v.value AS version
