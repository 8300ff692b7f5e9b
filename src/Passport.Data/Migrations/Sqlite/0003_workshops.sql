-- A coach's live workshop and who joined it. A participant row is the job seeker's recorded agreement to the
-- notice of what the coach sees (first name, sprint, progress, completion; never answers). Progress itself is
-- only kept in memory by the workshop grain and never stored here.
-- Ownership: a workshop belongs to its organisation (organisation_id); a participant row to the job seeker in user_id.

CREATE TABLE workshops (
    id               TEXT NOT NULL PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id),
    coach_user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    join_code        TEXT NOT NULL,
    title            TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('Open', 'Closed')),
    created_at       TEXT NOT NULL,
    closed_at        TEXT NULL
);

CREATE UNIQUE INDEX ux_workshops_join_code ON workshops (join_code);
CREATE INDEX ix_workshops_coach ON workshops (coach_user_id, status);

CREATE TABLE workshop_participants (
    workshop_id   TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    display_name  TEXT NOT NULL,
    joined_at     TEXT NOT NULL,
    PRIMARY KEY (workshop_id, user_id)
);

CREATE INDEX ix_workshop_participants_user ON workshop_participants (user_id);
