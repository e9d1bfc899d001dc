// Every funding record, with the målområde or activity it funds, per breakdown and year.
MATCH (f:Funding)
WHERE ($breakdown IS NULL OR f.breakdown = $breakdown)
  AND ($year IS NULL OR f.year = $year)
RETURN f {.*, targetArea: [(f)-[:FUNDS]->(t:TargetArea) | t.id][0], activity: [(f)-[:FUNDS]->(x:Activity) | x.id][0]} AS node
ORDER BY f.breakdown, f.year, f.description
