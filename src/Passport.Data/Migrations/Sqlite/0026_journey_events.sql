-- A young person's turning points (kantelmomenten): started or left school, work, an internship, care or benefits,
-- and moves. kind is a JourneyEventKind; occurred_on is the day it happened (never in the future). Plan started and
-- hand-overs are read from their own tables, never copied here. recorded_by_user_id is the young person or a
-- professional who holds their plan consent; the name and organisation are copied at the time.
-- Ownership: every row belongs to the person in person_id and goes when their account goes; a professional's id is
-- emptied if that account goes.

CREATE TABLE journey_events (
    id                   TEXT        NOT NULL PRIMARY KEY,
    person_id            TEXT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind                 TEXT        NOT NULL CHECK (kind IN ('StartedSchool', 'LeftSchool', 'StartedWork', 'LeftWork', 'StartedInternship', 'EndedInternship', 'StartedCare', 'EndedCare', 'StartedBenefits', 'EndedBenefits', 'Moved')),
    occurred_on          TEXT        NOT NULL,
    note                 TEXT        NULL,
    recorded_by_user_id  TEXT        NULL REFERENCES users (id) ON DELETE SET NULL,
    recorded_by_name     TEXT        NULL,
    organisation_name    TEXT        NULL,
    recorded_at          TEXT        NOT NULL
);

CREATE INDEX ix_journey_events_person ON journey_events (person_id, occurred_on);
CREATE INDEX ix_journey_events_recorded_by ON journey_events (recorded_by_user_id);
