// Creates one Collaboration; fails on an id that exists (the Entity id is unique).
CREATE (n:Entity:Collaboration {id: $id})
SET n += $props, n.version = 1
RETURN n {.*} AS node
