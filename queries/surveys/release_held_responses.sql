-- Releases the held responses of every wave and team that holds k or more of them: k is the wave's own or $k, the
-- organisation's minimum, whichever is larger.
DELETE FROM survey_held_responses
WHERE EXISTS (
    SELECT 1
    FROM (
        SELECT h.wave_id, h.team_id
        FROM survey_held_responses h
        JOIN survey_waves w USING (wave_id)
        GROUP BY h.wave_id, h.team_id, w.min_group_size
        HAVING count(*) >= greatest(w.min_group_size, $k)
    ) ready
    WHERE ready.wave_id = survey_held_responses.wave_id AND ready.team_id IS NOT DISTINCT FROM survey_held_responses.team_id
);
