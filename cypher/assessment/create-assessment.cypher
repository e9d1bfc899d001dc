// Creates one assessment of a collaboration; no row when $collaboration is not a collaboration.
MATCH (c:Entity {id: $collaboration})
WHERE c:Collaboration
CREATE (s:Entity:Assessment {id: $id})-[:OF]->(c)
SET s += $props, s.version = 1
RETURN s {.*} AS node
