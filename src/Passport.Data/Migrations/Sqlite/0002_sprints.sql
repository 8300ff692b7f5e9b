-- Sprint sessions and every answer given in them. A response row is the evidence behind the passport: the
-- passport (skill estimates, XP, streaks, badges) is rebuilt from these rows, so nothing is stored twice.
-- Ownership: both tables belong to the job seeker in user_id.

CREATE TABLE sprint_sessions (
    id                    TEXT    NOT NULL PRIMARY KEY,
    user_id               TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sprint_id             TEXT    NOT NULL,
    status                TEXT    NOT NULL CHECK (status IN ('Created', 'InProgress', 'Paused', 'Completed', 'Abandoned', 'Expired')),
    language              TEXT    NOT NULL,
    current_item_id       TEXT    NULL,
    current_presented_at  TEXT    NULL,
    presented_count       INTEGER NOT NULL DEFAULT 0,
    completion_xp         INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL,
    completed_at          TEXT    NULL
);

CREATE INDEX ix_sprint_sessions_user ON sprint_sessions (user_id, sprint_id);

CREATE TABLE sprint_responses (
    session_id   TEXT    NOT NULL REFERENCES sprint_sessions (id) ON DELETE CASCADE,
    item_id      TEXT    NOT NULL,
    user_id      TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill_id     TEXT    NOT NULL,
    position     INTEGER NOT NULL,
    answer       TEXT    NULL,
    category     INTEGER NULL,
    xp           INTEGER NOT NULL,
    answered_at  TEXT    NOT NULL,
    PRIMARY KEY (session_id, item_id)
);

CREATE INDEX ix_sprint_responses_user ON sprint_responses (user_id, answered_at);
