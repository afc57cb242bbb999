-- Whether a wave's organisation-wide results are shown: it has k responses (the wave's own k or $k, the
-- organisation's, whichever is larger), so its answers may be exported without identifying anyone.
SELECT count(*) > 0
FROM wave_response_groups($k)
WHERE wave_id = $wave_id AND level = 'organisation' AND NOT suppressed;
