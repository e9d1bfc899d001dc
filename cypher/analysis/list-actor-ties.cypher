// Every tie of an actor to a forum, activity or collaboration: the rows "who works with whom" is derived from.
MATCH (a:Actor)-[r:MEMBER_OF|CONVENES|RESPONSIBLE_FOR|PARTICIPATES_IN]->(c:Entity)
RETURN a.id AS actor, c.id AS context, coalesce(c.name, c.text) AS name, type(r) AS via
