// Empties the database (a restore's first step; the test suites share one Neo4j server, one
// suite at a time), all but the graph's version: it goes on counting up from where it was, so
// nothing kept under an earlier version (reports, answers, the rules' copy of the graph) is
// taken for the new content.
MATCH (n)
WHERE NOT (n:Setting AND n.name = 'graphVersion')
DETACH DELETE n
