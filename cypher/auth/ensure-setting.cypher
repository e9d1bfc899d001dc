// A service setting, created with $value the first time it is asked for;
// every later call, from any instance, gets that first value back.
MERGE (s:Setting {name: $name})
ON CREATE SET s.value = $value
RETURN s.value AS value
