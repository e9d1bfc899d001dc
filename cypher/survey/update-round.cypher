// Sets the properties $props of round $id and counts its version up.
MATCH (s:SurveyRound {id: $id})
SET s += $props, s.version = s.version + 1
RETURN s {.*} AS round
