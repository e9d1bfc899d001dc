// Why Neo4j halted a database: after a full disk its status message says "No space left on device", which the error a client gets does not. Neo4j only (the embedded engine has no SHOW), run on the system database; no $database means the user's home database, as a session without one uses.
SHOW DATABASES
YIELD name, home, currentStatus, statusMessage
WHERE name = $database OR ($database IS NULL AND home)
RETURN name, currentStatus, statusMessage
