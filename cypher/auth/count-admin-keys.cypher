// How many live ADMIN keys there are: none on a first start, and never none after a revoke.
MATCH (k:ApiKey {role: 'ADMIN'})
WHERE k.revokedAt IS NULL
RETURN count(k) AS count
