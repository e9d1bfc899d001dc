// Empties the database: the test suites share one Neo4j server, one suite at a time.
MATCH (n)
DETACH DELETE n
