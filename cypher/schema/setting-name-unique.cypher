// One value per setting, even when two instances start at once (MERGE alone does not promise that on Neo4j).
CREATE CONSTRAINT setting_name_unique IF NOT EXISTS FOR (s:Setting) REQUIRE s.name IS UNIQUE
