-- The in-app notification centre and how each person wants to be told things.
-- notifications: one message to one person (person_id), already written in their language when it was stored
-- (title is the lock-screen line, body the details, link a path inside the site). kind names what it is about
-- ("appointment-reminder", "contact-person-changed" …). read_at stays empty until the person has seen it.
-- The id is chosen by the writer from what caused the message, so writing the same cause twice stores one row.
-- notification_channels: per person, whether they want messages in the app and by e-mail. No row means both.
-- Ownership: every row belongs to the person in person_id and goes when their account goes.

CREATE TABLE notifications (
    id          uuid        NOT NULL PRIMARY KEY,
    person_id   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text        NOT NULL,
    title       text        NOT NULL,
    body        text        NOT NULL,
    link        text        NULL,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz NULL
);

CREATE INDEX ix_notifications_person ON notifications (person_id, created_at DESC);
CREATE INDEX ix_notifications_unread ON notifications (person_id) WHERE read_at IS NULL;

CREATE TABLE notification_channels (
    person_id   uuid        NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    in_app      boolean     NOT NULL,
    email       boolean     NOT NULL,
    changed_at  timestamptz NOT NULL
);
