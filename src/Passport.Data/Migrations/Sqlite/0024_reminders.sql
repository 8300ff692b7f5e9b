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
    id                   TEXT        NOT NULL PRIMARY KEY,
    appointment_id       TEXT        NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    person_id            TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    appointment_version  INTEGER     NOT NULL,
    lead_seconds         INTEGER     NOT NULL CHECK (lead_seconds > 0),
    due_at               TEXT        NOT NULL,
    status               TEXT        NOT NULL CHECK (status IN ('Pending', 'Sent', 'Dropped', 'Failed')),
    attempts             INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at      TEXT        NOT NULL,
    lease_token          TEXT        NULL,
    last_error           TEXT        NULL,
    created_at           TEXT        NOT NULL,
    sent_at              TEXT        NULL,
    finished_at          TEXT        NULL
);

CREATE INDEX ix_reminders_due ON reminders (status, next_attempt_at);
CREATE INDEX ix_reminders_appointment ON reminders (appointment_id, appointment_version);
CREATE INDEX ix_reminders_person ON reminders (person_id);
