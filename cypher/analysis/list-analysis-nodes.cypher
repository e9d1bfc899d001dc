// Every node the gap and overlap rules look at, with only the properties they read (columns are
// far cheaper to return than whole maps at national scale); the id says the node's type.
MATCH (n:Entity)
WHERE n:Actor OR n:Goal OR n:Activity OR n:Forum OR n:Strategy OR n:PolicyDocument OR n:Collaboration OR n:TargetArea OR n:Area
RETURN n.id AS id, n.name AS name, n.text AS text, n.title AS title, n.kind AS kind,
  n.period AS period, n.resources AS resources, n.shortTermEffect AS shortTermEffect, n.targetLevel AS targetLevel,
  n.confirmedAt AS confirmedAt, n.targetGroups AS targetGroups
