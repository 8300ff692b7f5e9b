-- A coach's live workshop and who joined it. A participant row is the job seeker's recorded agreement to the
-- notice of what the coach sees (first name, sprint, progress, completion; never answers). Progress itself is
-- only kept in memory by the workshop grain and never stored here.
-- Ownership: a workshop belongs to its organisation (organisation_id); a participant row to the job seeker in user_id.

CREATE TABLE workshops (
    id               uuid        NOT NULL PRIMARY KEY,
    organisation_id  uuid        NOT NULL REFERENCES organisations (id),
    coach_user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    join_code        text        NOT NULL,
    title            text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('Open', 'Closed')),
    created_at       timestamptz NOT NULL,
    closed_at        timestamptz NULL
);

CREATE UNIQUE INDEX ux_workshops_join_code ON workshops (join_code);
CREATE INDEX ix_workshops_coach ON workshops (coach_user_id, status);

CREATE TABLE workshop_participants (
    workshop_id   uuid        NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    display_name  text        NOT NULL,
    joined_at     timestamptz NOT NULL,
    PRIMARY KEY (workshop_id, user_id)
);

CREATE INDEX ix_workshop_participants_user ON workshop_participants (user_id);
