-- Sprint sessions and every answer given in them. A response row is the evidence behind the passport: the
-- passport (skill estimates, XP, streaks, badges) is rebuilt from these rows, so nothing is stored twice.
-- Ownership: both tables belong to the job seeker in user_id.

CREATE TABLE sprint_sessions (
    id                    uuid        NOT NULL PRIMARY KEY,
    user_id               uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sprint_id             text        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('Created', 'InProgress', 'Paused', 'Completed', 'Abandoned', 'Expired')),
    language              text        NOT NULL,
    current_item_id       text        NULL,
    current_presented_at  timestamptz NULL,
    presented_count       integer     NOT NULL DEFAULT 0,
    completion_xp         integer     NOT NULL DEFAULT 0,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    completed_at          timestamptz NULL
);

CREATE INDEX ix_sprint_sessions_user ON sprint_sessions (user_id, sprint_id);

CREATE TABLE sprint_responses (
    session_id   uuid        NOT NULL REFERENCES sprint_sessions (id) ON DELETE CASCADE,
    item_id      text        NOT NULL,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill_id     text        NOT NULL,
    position     integer     NOT NULL,
    answer       text        NULL,
    category     integer     NULL,
    xp           integer     NOT NULL,
    answered_at  timestamptz NOT NULL,
    PRIMARY KEY (session_id, item_id)
);

CREATE INDEX ix_sprint_responses_user ON sprint_responses (user_id, answered_at);
