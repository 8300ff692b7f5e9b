-- Appointment reminders (docs/reminders.md). One row per reminder of one version of an appointment, written in the
-- same transaction as the booking or change that plans it. lead_seconds is how long before the start it was meant for,
-- due_at when it goes out (quiet hours already applied). status: Pending until handled; Sent once its in-app message
-- and e-mail were written (in one transaction with the mark, so a reminder is delivered once); Dropped when the
-- appointment moved or was cancelled first; Failed after max attempts, or when the appointment started before it
-- could go, kept with last_error for the contact person to see.
-- next_attempt_at is when a delivery loop may take the row: claiming it moves it to the lease's end and sets
-- lease_token, so a host that dies mid-delivery leaves a row that is due again when the lease ends.
-- The reminder's e-mail in outgoing_emails has the reminder's id.
-- Ownership: every row belongs to the person in person_id and goes when their account or the appointment goes.

CREATE TABLE reminders (
    id                   uuid        NOT NULL PRIMARY KEY,
    appointment_id       uuid        NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    person_id            uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    appointment_version  integer     NOT NULL,
    lead_seconds         bigint      NOT NULL CHECK (lead_seconds > 0),
    due_at               timestamptz NOT NULL,
    status               text        NOT NULL CHECK (status IN ('Pending', 'Sent', 'Dropped', 'Failed')),
    attempts             integer     NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz NOT NULL,
    lease_token          uuid        NULL,
    last_error           text        NULL,
    created_at           timestamptz NOT NULL,
    sent_at              timestamptz NULL,
    finished_at          timestamptz NULL
);

CREATE INDEX ix_reminders_due ON reminders (status, next_attempt_at);
CREATE INDEX ix_reminders_appointment ON reminders (appointment_id, appointment_version);
CREATE INDEX ix_reminders_person ON reminders (person_id);
