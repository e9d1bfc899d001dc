// Styrdokument with what they govern and who owns them.
MATCH (d:PolicyDocument)
RETURN d {.*} AS node,
  [(n:Entity)-[:GOVERNED_BY]->(d) | n.id] AS governs,
  [(a:Actor)-[:OWNS]->(d) | a.id] AS owners
