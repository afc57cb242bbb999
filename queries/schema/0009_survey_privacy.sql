-- Survey privacy (docs/surveys.md "What is kept", docs/metrics.md "Privacy: suppression in the query layer"),
-- kept apart from 0002 and 0005 so that each migration stays as it was applied.

-- Who answered each survey wave, per team and in all, with the suppression decided once over the whole wave:
-- the response-rate metric, the wave's page and the responses export all read this, so that none of them can
-- name a team that another hides. The audience is the engineers employed when the wave opened, in its audience
-- teams; a team with no responses is a group too (of 0, so below k). k is the wave's own minimum or the
-- organisation's (the k argument), whichever is larger.
CREATE MACRO wave_response_groups(k) AS TABLE
    WITH invited AS (
        SELECT w.wave_id, e.team_id, count(*) AS head_count
        FROM survey_waves w
        JOIN engineers e ON e.start_date <= CAST(w.opens_at AS DATE) AND (e.end_date IS NULL OR e.end_date > CAST(w.opens_at AS DATE))
        WHERE w.audience_team_ids IS NULL OR list_contains(w.audience_team_ids, e.team_id)
        GROUP BY ALL
    ),
    responded AS (
        SELECT wave_id, team_id, count(*) AS responses
        FROM survey_responses
        GROUP BY ALL
    ),
    groups AS (
        SELECT i.wave_id, CASE WHEN grouping(i.team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, i.team_id,
               sum(i.head_count) AS invited, coalesce(sum(r.responses), 0) AS n
        FROM invited i
        LEFT JOIN responded r USING (wave_id, team_id)
        GROUP BY GROUPING SETS ((i.wave_id), (i.wave_id, i.team_id))
    ),
    ranked AS (
        SELECT g.*, greatest(w.min_group_size, k) AS group_k,
               bool_or(g.n < greatest(w.min_group_size, k)) OVER siblings AS any_small,
               sum(g.n) OVER (siblings ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS n_before,
               row_number() OVER siblings AS size_rank
        FROM groups g
        JOIN survey_waves w USING (wave_id)
        WINDOW siblings AS (PARTITION BY g.wave_id, g.level ORDER BY g.n, g.team_id)
    )
    SELECT wave_id, level, team_id, invited, n, group_k AS k,
           level = 'team' AND is_suppressed(n, group_k, any_small, n_before, size_rank) OR (level = 'organisation' AND n < group_k) AS suppressed
    FROM ranked;

-- Anonymous waves keep no time finer than the wave: a response's day and a link's day of use, both with the team,
-- joined an answer to the engineer whose link was the only one of their team used that day. Responses given
-- through the web and used links now record the wave's opening instead (SubmissionWriter); this drops the days
-- already stored. Imported responses keep the day of their export: Pulse holds no link of theirs.
UPDATE survey_responses SET submitted_at = w.opens_at
FROM survey_waves w
WHERE survey_responses.wave_id = w.wave_id AND w.is_anonymous AND survey_responses.channel IN ('link', 'open');

UPDATE survey_invitations SET used_at = w.opens_at
FROM survey_waves w
WHERE survey_invitations.wave_id = w.wave_id AND w.is_anonymous AND survey_invitations.used_at IS NOT NULL;

-- Responses of an open wave that results do not show yet. Results that moved with every answer gave each answer
-- away to anyone comparing them before and after it, so answers given through the web are held here per wave and
-- team, and released together once the team holds k of them (the wave's k or the organisation's, if larger);
-- closing the wave releases the rest. It holds no time and no order, and empties as it releases.
CREATE TABLE survey_held_responses (
    response_id UUID NOT NULL,
    wave_id     VARCHAR NOT NULL,
    team_id     VARCHAR
);

-- The responses that results show: all but those held in a wave that is still open.
CREATE MACRO shown_responses() AS TABLE
    SELECT r.*
    FROM survey_responses r
    WHERE NOT EXISTS (
        SELECT 1 FROM survey_held_responses h JOIN survey_waves w USING (wave_id)
        WHERE h.response_id = r.response_id AND w.status = 'open'
    );
