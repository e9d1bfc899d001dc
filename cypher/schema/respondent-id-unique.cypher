// Respondents are revoked and audited by id.
CREATE CONSTRAINT respondent_id_unique IF NOT EXISTS FOR (r:Respondent) REQUIRE r.id IS UNIQUE
