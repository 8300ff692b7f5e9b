-- Appointments between a young person (person_id) and staff of an organisation, and each person's calendar feed.
-- starts_at and ends_at are UTC. status follows AppointmentLifecycle (Booked, Confirmed, RescheduleRequested,
-- Cancelled); version starts at 1 and goes up when the appointment is moved or cancelled (the iCalendar SEQUENCE,
-- and what reminders key on). kind is Place, Phone or Video, and location the address, number or link.
-- booked_by_name and organisation_name are copied when booking, so the person still sees who booked it if that
-- account or organisation is renamed or goes.
-- appointment_events keeps every change (who, when, what, with the message or reason); rows are only ever added.
-- calendar_feeds: a person's secret calendar address. Only the SHA-256 hash of its token is stored; a revoked feed
-- opens nothing, and at most one feed per person is active.
-- Ownership: every row belongs to the person in person_id and goes when their account goes; staff ids are emptied
-- if those accounts go.

CREATE TABLE appointments (
    id                  TEXT    NOT NULL PRIMARY KEY,
    person_id           TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id     TEXT    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    organisation_name   TEXT    NOT NULL,
    booked_by_user_id   TEXT    NULL REFERENCES users (id) ON DELETE SET NULL,
    booked_by_name      TEXT    NOT NULL,
    starts_at           TEXT    NOT NULL,
    ends_at             TEXT    NOT NULL,
    kind                TEXT    NOT NULL CHECK (kind IN ('Place', 'Phone', 'Video')),
    location            TEXT    NOT NULL,
    attendees           TEXT    NULL,
    topic               TEXT    NOT NULL,
    bring               TEXT    NULL,
    status              TEXT    NOT NULL CHECK (status IN ('Booked', 'Confirmed', 'RescheduleRequested', 'Cancelled')),
    version             INTEGER NOT NULL,
    reschedule_message  TEXT    NULL,
    cancelled_by        TEXT    NULL CHECK (cancelled_by IN ('Person', 'Staff')),
    cancel_reason       TEXT    NULL,
    created_at          TEXT    NOT NULL,
    changed_at          TEXT    NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE INDEX ix_appointments_person ON appointments (person_id, starts_at);
CREATE INDEX ix_appointments_organisation ON appointments (organisation_id, starts_at);
CREATE INDEX ix_appointments_due ON appointments (status, starts_at);
CREATE INDEX ix_appointments_booked_by ON appointments (booked_by_user_id);

CREATE TABLE appointment_events (
    id              TEXT    NOT NULL PRIMARY KEY,
    appointment_id  TEXT    NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    at              TEXT    NOT NULL,
    party           TEXT    NOT NULL CHECK (party IN ('Person', 'Staff')),
    actor_user_id   TEXT    NULL REFERENCES users (id) ON DELETE SET NULL,
    event           TEXT    NOT NULL CHECK (event IN ('Booked', 'Confirmed', 'RescheduleRequested', 'Moved', 'Cancelled')),
    version         INTEGER NOT NULL,
    starts_at       TEXT    NOT NULL,
    ends_at         TEXT    NOT NULL,
    note            TEXT    NULL
);

CREATE INDEX ix_appointment_events_appointment ON appointment_events (appointment_id, at);
CREATE INDEX ix_appointment_events_actor ON appointment_events (actor_user_id);

CREATE TABLE calendar_feeds (
    id          TEXT NOT NULL PRIMARY KEY,
    person_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT NULL
);

CREATE UNIQUE INDEX ux_calendar_feeds_active ON calendar_feeds (person_id) WHERE revoked_at IS NULL;
