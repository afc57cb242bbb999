-- Surveys. Who was invited (survey_invitations) is kept apart from what was answered (survey_responses and
-- survey_answers); an anonymous wave's responses carry the team but no engineer and only the day of submission.

CREATE TABLE surveys (
    survey_id   VARCHAR PRIMARY KEY,
    title       VARCHAR NOT NULL,
    description VARCHAR,
    template    VARCHAR,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE survey_questions (
    survey_id       VARCHAR NOT NULL,
    question_id     VARCHAR NOT NULL,
    position        INTEGER NOT NULL,
    kind            VARCHAR NOT NULL CHECK (kind IN ('nps', 'likert', 'single_choice', 'multiple_choice', 'short_text', 'long_text')),
    text            VARCHAR NOT NULL,
    help_text       VARCHAR,
    required        BOOLEAN NOT NULL DEFAULT false,
    dimension       VARCHAR,
    capability      VARCHAR,
    options         VARCHAR[],
    low_label       VARCHAR,
    high_label      VARCHAR,
    PRIMARY KEY (survey_id, question_id)
);

CREATE TABLE survey_waves (
    wave_id           VARCHAR PRIMARY KEY,
    survey_id         VARCHAR NOT NULL,
    name              VARCHAR NOT NULL,
    opens_at          TIMESTAMPTZ NOT NULL,
    closes_at         TIMESTAMPTZ NOT NULL,
    is_anonymous      BOOLEAN NOT NULL DEFAULT true,
    min_group_size    INTEGER NOT NULL DEFAULT 5 CHECK (min_group_size >= 3),
    audience_team_ids VARCHAR[],
    status            VARCHAR NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    CHECK (closes_at > opens_at)
);

CREATE TABLE survey_invitations (
    token_hash  VARCHAR PRIMARY KEY,
    wave_id     VARCHAR NOT NULL,
    engineer_id VARCHAR NOT NULL,
    team_id     VARCHAR NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

CREATE TABLE survey_responses (
    response_id  UUID PRIMARY KEY,
    wave_id      VARCHAR NOT NULL,
    team_id      VARCHAR,
    engineer_id  VARCHAR,
    submitted_at TIMESTAMPTZ NOT NULL,
    channel      VARCHAR NOT NULL CHECK (channel IN ('link', 'open', 'import')),
    source       VARCHAR NOT NULL
);

CREATE TABLE survey_answers (
    response_id   UUID NOT NULL,
    question_id   VARCHAR NOT NULL,
    numeric_value INTEGER,
    choice_values VARCHAR[],
    text_value    VARCHAR,
    PRIMARY KEY (response_id, question_id)
);

CREATE TABLE moment_ratings (
    rating_id  UUID PRIMARY KEY,
    capability VARCHAR NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    team_id    VARCHAR,
    context    VARCHAR,
    rated_at   TIMESTAMPTZ NOT NULL
);
