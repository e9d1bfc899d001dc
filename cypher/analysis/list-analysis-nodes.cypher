// Every node the gap and overlap rules look at, with its own properties; the id says its type.
MATCH (n:Entity)
WHERE n:Actor OR n:Goal OR n:Activity OR n:Forum OR n:Strategy OR n:PolicyDocument OR n:Collaboration OR n:TargetArea OR n:Area OR n:Assessment
RETURN n {.*} AS node
