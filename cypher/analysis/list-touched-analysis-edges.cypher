// list-analysis-edges for the nodes a write touched ($ids): every such edge with either end among
// them, by the same types and $asOf rule, so a copy of that list is brought up to date by replacing
// the edges at these ids with what this returns. Matched from the touched end, in either direction
// (a scan for the far end would read every edge); DISTINCT: an edge between two of them is met twice.
MATCH (n:Entity)-[r:MEMBER_OF|CONVENES|RESPONSIBLE_FOR|PARTICIPATES_IN|CONTRIBUTES_TO|IMPLEMENTS|IN_TARGET_AREA|IN_AREA|WORKS_ON|COORDINATES|GOVERNED_BY|OWNS|PART_OF|THROUGH|ON|OF|SHOULD_COORDINATE_WITH]-(m:Entity)
WHERE n.id IN $ids
  AND ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
  AND ($asOf IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= $asOf) AND (n.validTo IS NULL OR left($asOf, size(n.validTo)) <= n.validTo))) AND ($asOf IS NULL OR ((m.validFrom IS NULL OR m.validFrom <= $asOf) AND (m.validTo IS NULL OR left($asOf, size(m.validTo)) <= m.validTo)))
RETURN DISTINCT startNode(r).id AS from, type(r) AS type, endNode(r).id AS to
