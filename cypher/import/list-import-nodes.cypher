// The nodes a spreadsheet import matches its rows against, with every property (and version).
MATCH (n:Entity)
WHERE n:Actor OR n:Forum OR n:Activity OR n:Goal OR n:TargetArea
RETURN n {.*} AS node
