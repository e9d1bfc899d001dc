// The indexes Neo4j keeps, those behind constraints among them (Neo4j only; the embedded engine has no SHOW).
SHOW INDEXES
YIELD name, labelsOrTypes, properties, owningConstraint
RETURN name, labelsOrTypes, properties, owningConstraint
ORDER BY name
