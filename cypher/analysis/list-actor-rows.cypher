// Actors with the organisations they are part of.
MATCH (a:Actor)
RETURN a {.*} AS node, [(a)-[:PART_OF]->(p:Actor) | p.id] AS parents
