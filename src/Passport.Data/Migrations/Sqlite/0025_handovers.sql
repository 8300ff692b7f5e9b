-- Warm hand-overs: a contact person passes a young person on to another organisation.
-- handovers: one row per hand-over. status follows HandoverLifecycle (docs/lifecycles/handover.dot): Proposed,
-- Consented, Accepted, Completed, or Declined, Withdrawn, Expired. The note is the sending contact person's words
-- (what has been done, what the young person wants, what to watch for); travelling_step_ids is a JSON array of the
-- plan steps that travel with it. version goes up by one with every move, and a write names the version it read.
-- handover_history: every move (who, when, as which side, with the reason when declined); rows are only ever added.
-- Ownership: every row belongs to the person in person_id and goes when their account goes; staff ids are emptied
-- if those accounts go, and a hand-over goes with either organisation.

CREATE TABLE handovers (
    id                         TEXT        NOT NULL PRIMARY KEY,
    person_id                  TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sending_organisation_id    TEXT        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    sending_contact_person_id  TEXT        NULL REFERENCES users (id) ON DELETE SET NULL,
    receiving_organisation_id  TEXT        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    receiving_person_id        TEXT        NULL REFERENCES users (id) ON DELETE SET NULL,
    note_done                  TEXT        NOT NULL,
    note_wants                 TEXT        NOT NULL,
    note_watch_for             TEXT        NULL,
    travelling_step_ids        TEXT        NOT NULL,
    status                     TEXT        NOT NULL CHECK (status IN ('Proposed', 'Consented', 'Accepted', 'Completed', 'Declined', 'Withdrawn', 'Expired')),
    proposed_at                TEXT        NOT NULL,
    expires_at                 TEXT        NOT NULL,
    consented_at               TEXT        NULL,
    accepted_at                TEXT        NULL,
    new_contact_person_id      TEXT        NULL REFERENCES users (id) ON DELETE SET NULL,
    met_at                     TEXT        NULL,
    completed_at               TEXT        NULL,
    declined_by                TEXT        NULL CHECK (declined_by IN ('Person', 'Sending', 'Receiving')),
    declined_reason            TEXT        NULL,
    version                    INTEGER     NOT NULL
);

CREATE INDEX ix_handovers_person ON handovers (person_id, proposed_at);
CREATE INDEX ix_handovers_sending ON handovers (sending_organisation_id, status);
CREATE INDEX ix_handovers_receiving ON handovers (receiving_organisation_id, status);
CREATE INDEX ix_handovers_open ON handovers (status, expires_at);
CREATE INDEX ix_handovers_sending_contact ON handovers (sending_contact_person_id);
CREATE INDEX ix_handovers_receiving_person ON handovers (receiving_person_id);
CREATE INDEX ix_handovers_new_contact ON handovers (new_contact_person_id);

CREATE TABLE handover_history (
    id                 TEXT        NOT NULL PRIMARY KEY,
    handover_id        TEXT        NOT NULL REFERENCES handovers (id) ON DELETE CASCADE,
    at                 TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    actor_user_id      TEXT        NULL REFERENCES users (id) ON DELETE SET NULL,
    actor_side         TEXT        NULL CHECK (actor_side IN ('Person', 'Sending', 'Receiving')),
    actor_name         TEXT        NULL,
    organisation_name  TEXT        NULL,
    detail             TEXT        NULL
);

CREATE INDEX ix_handover_history_handover ON handover_history (handover_id, at);
CREATE INDEX ix_handover_history_actor ON handover_history (actor_user_id);
