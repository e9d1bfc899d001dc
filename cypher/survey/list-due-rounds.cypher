// Open rounds whose closing date ($today is the first day after it) has passed:
// closed lazily, on the next request that could see them.
MATCH (s:SurveyRound)
WHERE s.status = 'OPEN' AND s.closesOn < $today
RETURN s.id AS id
