CREATE INDEX change_at_index IF NOT EXISTS FOR (c:Change) ON (c.at)
