-- AI-assisted development: coding-assistant usage by day (the GitHub Copilot metrics API, or an import for another
-- assistant), the assistant's licensed seats and the days each seat was last seen active, and what a change carries
-- that can mark it AI-assisted (commit trailers, the raw author login of a pull request) beyond its labels.

-- One row per assistant, scope (the GitHub organisation, or the import's name for the account), day, editor and
-- language; editor and language are 'all' on the day's totals. A figure the source did not give is NULL.
CREATE TABLE ai_usage_daily (
    assistant           VARCHAR NOT NULL,
    scope               VARCHAR NOT NULL,
    day                 DATE NOT NULL,
    editor              VARCHAR NOT NULL,
    language            VARCHAR NOT NULL,
    active_users        BIGINT,
    engaged_users       BIGINT,
    suggestions         BIGINT,
    acceptances         BIGINT,
    lines_suggested     BIGINT,
    lines_accepted      BIGINT,
    chat_engaged_users  BIGINT,
    chats               BIGINT,
    agent_engaged_users BIGINT,
    agent_uses          BIGINT,
    source              VARCHAR NOT NULL,
    ingested_at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assistant, scope, day, editor, language),
    CHECK (acceptances IS NULL OR suggestions IS NULL OR acceptances <= suggestions)
);

-- A licence: who holds it (the source's login, matched to engineers.scm_login), since when, and until when.
CREATE TABLE ai_seats (
    assistant        VARCHAR NOT NULL,
    login            VARCHAR NOT NULL,
    assigned_at      TIMESTAMPTZ NOT NULL,
    cancelled_on     DATE,
    last_activity_at TIMESTAMPTZ,
    source           VARCHAR NOT NULL,
    ingested_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assistant, login)
);

-- The days a seat was seen active: every sync adds the day of the seat's last activity, so history builds up.
CREATE TABLE ai_seat_activity (
    assistant VARCHAR NOT NULL,
    login     VARCHAR NOT NULL,
    day       DATE NOT NULL,
    source    VARCHAR NOT NULL,
    PRIMARY KEY (assistant, login, day)
);

-- What a change carries that the AI-assisted rule reads besides its labels: signal 'trailer' (a commit message
-- trailer line, such as 'Co-authored-by: Copilot <…>') and 'author' (the source's login of who opened it).
CREATE TABLE change_signals (
    change_id VARCHAR NOT NULL,
    signal    VARCHAR NOT NULL CHECK (signal IN ('trailer', 'author')),
    value     VARCHAR NOT NULL,
    PRIMARY KEY (change_id, signal, value)
);

-- The top-level changes (pull and merge requests, and commits pushed alone) that the AI-assisted rule marks: a label
-- in labels, an author in agents (engineer id or source login, lower case), or a trailer of the change or of any of
-- its commits matching one of trailer_patterns (regular expressions, matched anywhere in the trailer line; the
-- caller makes them case-insensitive). Empty lists match nothing.
CREATE MACRO ai_assisted_changes(trailer_patterns, labels, agents) AS TABLE
    WITH matched AS (
        SELECT coalesce(c.parent_change_id, c.change_id) AS change_id
        FROM changes c
        WHERE len(list_intersect(list_transform(coalesce(c.labels, []), l -> lower(l)), labels)) > 0
           OR list_contains(agents, lower(c.author_id))
        UNION ALL
        SELECT coalesce(c.parent_change_id, c.change_id)
        FROM change_signals s
        JOIN changes c USING (change_id)
        WHERE (s.signal = 'trailer' AND len(list_filter(trailer_patterns, p -> regexp_matches(s.value, p))) > 0)
           OR (s.signal = 'author' AND list_contains(agents, lower(s.value)))
    )
    SELECT DISTINCT change_id FROM matched;
