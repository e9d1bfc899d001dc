// How many nodes of any kind the database holds: a restore goes only into an empty one.
MATCH (n)
RETURN count(n) AS count
