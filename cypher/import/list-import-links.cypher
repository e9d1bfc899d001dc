// The relationships a spreadsheet import may add to or compare with, with their properties.
MATCH (a:Entity)-[r:MEMBER_OF|CONVENES|RESPONSIBLE_FOR|CONTRIBUTES_TO|WORKS_ON|PART_OF|IN_TARGET_AREA]->(b:Entity)
RETURN type(r) AS type, a.id AS from, b.id AS to, r {.*} AS props
