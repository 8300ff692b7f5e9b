-- The in-app notification centre and how each person wants to be told things.
-- notifications: one message to one person (person_id), already written in their language when it was stored
-- (title is the lock-screen line, body the details, link a path inside the site). kind names what it is about
-- ("appointment-reminder", "contact-person-changed" …). read_at stays empty until the person has seen it.
-- The id is chosen by the writer from what caused the message, so writing the same cause twice stores one row.
-- notification_channels: per person, whether they want messages in the app and by e-mail. No row means both.
-- Ownership: every row belongs to the person in person_id and goes when their account goes.

CREATE TABLE notifications (
    id          TEXT        NOT NULL PRIMARY KEY,
    person_id   TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    link        TEXT        NULL,
    created_at  TEXT        NOT NULL,
    read_at     TEXT        NULL
);

CREATE INDEX ix_notifications_person ON notifications (person_id, created_at);
CREATE INDEX ix_notifications_unread ON notifications (person_id) WHERE read_at IS NULL;

CREATE TABLE notification_channels (
    person_id   TEXT        NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    in_app      INTEGER     NOT NULL,
    email       INTEGER     NOT NULL,
    changed_at  TEXT        NOT NULL
);
