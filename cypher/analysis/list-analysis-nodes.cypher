// Every node the gap and overlap rules look at, with only the properties they read (columns are
// far cheaper to return than whole maps at national scale); the id says the node's type.
// $asOf (ÅÅÅÅ-MM-DD, null: any day): only what held that day; a date given as a year or month covers all of it.
MATCH (n:Entity)
WHERE (n:Actor OR n:Goal OR n:Activity OR n:Forum OR n:Strategy OR n:PolicyDocument OR n:Collaboration OR n:TargetArea OR n:Area)
  AND ($asOf IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= $asOf) AND (n.validTo IS NULL OR left($asOf, size(n.validTo)) <= n.validTo)))
RETURN n.id AS id, n.name AS name, n.text AS text, n.title AS title, n.kind AS kind,
  n.period AS period, n.resources AS resources, n.shortTermEffect AS shortTermEffect, n.targetLevel AS targetLevel,
  n.confirmedAt AS confirmedAt, n.targetGroups AS targetGroups
