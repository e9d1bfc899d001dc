// A personal link is found by the hash of its token on every respondent's request.
CREATE CONSTRAINT respondent_token_hash_unique IF NOT EXISTS FOR (r:Respondent) REQUIRE r.tokenHash IS UNIQUE
