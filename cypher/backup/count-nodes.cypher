// How many nodes of any kind the database holds: a restore goes only into an empty one.
// The graph's version is bookkeeping, not content: it is never restored (it only counts up).
MATCH (n)
WHERE NOT (n:Setting AND n.name = 'graphVersion')
RETURN count(n) AS count
