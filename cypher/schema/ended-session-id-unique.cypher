// A session is found by its id on every request that carries its cookie.
CREATE CONSTRAINT ended_session_id_unique IF NOT EXISTS FOR (s:EndedSession) REQUIRE s.id IS UNIQUE
