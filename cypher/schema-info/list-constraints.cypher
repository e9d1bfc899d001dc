// What the schema statements made: for operators and the start test (Neo4j only; the embedded engine has no SHOW).
SHOW CONSTRAINTS
YIELD name, labelsOrTypes, properties
RETURN name, labelsOrTypes, properties
ORDER BY name
