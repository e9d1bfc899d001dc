// Every relationship the rules look at, as an edge list: one linear scan, assembled into rows in TypeScript.
MATCH (a:Entity)-[r:MEMBER_OF|CONVENES|RESPONSIBLE_FOR|PARTICIPATES_IN|CONTRIBUTES_TO|IMPLEMENTS|IN_TARGET_AREA|IN_AREA|WORKS_ON|COORDINATES|GOVERNED_BY|OWNS|PART_OF|THROUGH|ON|OF|SHOULD_COORDINATE_WITH]->(b:Entity)
RETURN a.id AS from, type(r) AS type, b.id AS to
