// How big the graph is: used to check that loading twice changes nothing.
MATCH (n:Entity)
OPTIONAL MATCH (n)-[r]->()
RETURN count(DISTINCT n) AS nodes, count(r) AS relationships
