// Every domain node for a graph file (GraphML, GEXF, Cytoscape JSON): its id, type, a name and its kind.
MATCH (n:Entity)
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS type,
  coalesce(n.name, n.text, n.title, n.funder, n.date, n.id) AS name, n.kind AS kind
ORDER BY id
