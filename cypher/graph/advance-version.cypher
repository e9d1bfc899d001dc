// The graph's version: the last step of every write transaction counts it up, so a report
// computed at one version is good until the next commit, in this process and in any other.
// $touched: the ids of the nodes the write changed (null: not said, so anything may have):
// a copy of the graph at the version before is brought up to date from these alone.
MERGE (v:Setting {name: 'graphVersion'})
SET v.value = coalesce(v.value, 0) + 1, v.touched = $touched
RETURN v.value AS version
