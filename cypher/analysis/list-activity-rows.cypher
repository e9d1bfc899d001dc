// Activities with their ansvar, goals, strategies, areas and coordinating forums.
MATCH (x:Activity)
RETURN x {.*} AS node,
  [(a:Actor)-[:RESPONSIBLE_FOR]->(x) | a.id] AS responsible,
  [(x)-[:CONTRIBUTES_TO]->(g:Goal) | g.id] AS goals,
  [(x)-[:IMPLEMENTS]->(s:Strategy) | s.id] AS strategies,
  [(x)-[:IN_AREA]->(r:Area) | r.id] AS areas,
  [(f:Forum)-[:COORDINATES]->(x) | f.id] AS forums,
  [(x)-[:SHOULD_COORDINATE_WITH]->(o:Entity) | o.id] AS coordinateWith
