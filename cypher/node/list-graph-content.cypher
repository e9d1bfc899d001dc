// Every node with its labels and properties and every relationship with its ends and
// properties: what a test compares to say that the graph is unchanged.
MATCH (n)
WHERE NOT (n:Setting AND n.name = 'graphVersion')
OPTIONAL MATCH (n)-[r]->(m)
RETURN labels(n) AS labels, n {.*} AS node, type(r) AS type, m.id AS to, r {.*} AS rel
