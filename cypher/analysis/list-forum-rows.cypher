// Forums with members, convenors, goals and what they are asked to coordinate with.
MATCH (f:Forum)
RETURN f {.*} AS node,
  [(a:Actor)-[:MEMBER_OF]->(f) | a.id] AS members,
  [(a:Actor)-[:CONVENES]->(f) | a.id] AS convenors,
  [(f)-[:WORKS_ON]->(g:Goal) | g.id] AS goals,
  [(f)-[:COORDINATES]->(x:Activity) | x.id] AS activities,
  [(f)-[:SHOULD_COORDINATE_WITH]->(o:Entity) | o.id] AS coordinateWith
