// list-analysis-nodes for the nodes a write touched ($ids): the same nodes, properties and $asOf
// rule, so a copy of that list is brought up to date by replacing these ids with what this returns.
MATCH (n:Entity)
WHERE n.id IN $ids
  AND (n:Actor OR n:Goal OR n:Activity OR n:Forum OR n:Strategy OR n:PolicyDocument OR n:Collaboration OR n:TargetArea OR n:Area)
  AND ($asOf IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= $asOf) AND (n.validTo IS NULL OR left($asOf, size(n.validTo)) <= n.validTo)))
RETURN n.id AS id, n.name AS name, n.text AS text, n.title AS title, n.kind AS kind,
  n.period AS period, n.resources AS resources, n.shortTermEffect AS shortTermEffect, n.targetLevel AS targetLevel,
  n.confirmedAt AS confirmedAt, n.targetGroups AS targetGroups
