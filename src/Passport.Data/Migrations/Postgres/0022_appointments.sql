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
    id                  uuid        NOT NULL PRIMARY KEY,
    person_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id     uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    organisation_name   text        NOT NULL,
    booked_by_user_id   uuid        NULL REFERENCES users (id) ON DELETE SET NULL,
    booked_by_name      text        NOT NULL,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('Place', 'Phone', 'Video')),
    location            text        NOT NULL,
    attendees           text        NULL,
    topic               text        NOT NULL,
    bring               text        NULL,
    status              text        NOT NULL CHECK (status IN ('Booked', 'Confirmed', 'RescheduleRequested', 'Cancelled')),
    version             integer     NOT NULL,
    reschedule_message  text        NULL,
    cancelled_by        text        NULL CHECK (cancelled_by IN ('Person', 'Staff')),
    cancel_reason       text        NULL,
    created_at          timestamptz NOT NULL,
    changed_at          timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);

CREATE INDEX ix_appointments_person ON appointments (person_id, starts_at);
CREATE INDEX ix_appointments_organisation ON appointments (organisation_id, starts_at);
CREATE INDEX ix_appointments_due ON appointments (status, starts_at);
CREATE INDEX ix_appointments_booked_by ON appointments (booked_by_user_id);

CREATE TABLE appointment_events (
    id                  uuid        NOT NULL PRIMARY KEY,
    appointment_id      uuid        NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    at                  timestamptz NOT NULL,
    party               text        NOT NULL CHECK (party IN ('Person', 'Staff')),
    actor_user_id       uuid        NULL REFERENCES users (id) ON DELETE SET NULL,
    event               text        NOT NULL CHECK (event IN ('Booked', 'Confirmed', 'RescheduleRequested', 'Moved', 'Cancelled')),
    version             integer     NOT NULL,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    note                text        NULL
);

CREATE INDEX ix_appointment_events_appointment ON appointment_events (appointment_id, at);
CREATE INDEX ix_appointment_events_actor ON appointment_events (actor_user_id);

CREATE TABLE calendar_feeds (
    id                  uuid        NOT NULL PRIMARY KEY,
    person_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash          text        NOT NULL UNIQUE,
    created_at          timestamptz NOT NULL,
    revoked_at          timestamptz NULL
);

CREATE UNIQUE INDEX ux_calendar_feeds_active ON calendar_feeds (person_id) WHERE revoked_at IS NULL;
