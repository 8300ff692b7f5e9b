-- The passport beside the measured skills. experiences: what a person did (work, internship, volunteering,
-- education), with optional ESCO concept URIs (a JSON array of strings). endorsements: someone from an
-- organisation vouches for one of a person's skills with a short piece of evidence; the person accepts or declines
-- it before it shows, and may withdraw it later. The endorser's name and organisation name are copied in at the
-- time, so the owner always sees who endorsed them, even after the endorser's account is gone.
-- Ownership: every row belongs to the person in user_id (erasing the account deletes them). endorser_user_id and
-- endorser_organisation_id only point back to the endorser and are cleared when those rows go.

CREATE TABLE experiences (
    id            uuid        NOT NULL PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          text        NOT NULL CHECK (kind IN ('Work', 'Internship', 'Volunteering', 'Education')),
    title         text        NOT NULL,
    organisation  text        NULL,
    place         text        NULL,
    started_on    date        NOT NULL,
    ended_on      date        NULL,
    description   text        NULL,
    esco_uris     text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

CREATE INDEX ix_experiences_user ON experiences (user_id, started_on);

CREATE TABLE endorsements (
    id                        uuid        NOT NULL PRIMARY KEY,
    user_id                   uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endorser_user_id          uuid        NULL REFERENCES users (id) ON DELETE SET NULL,
    endorser_organisation_id  uuid        NULL REFERENCES organisations (id) ON DELETE SET NULL,
    endorser_name             text        NOT NULL,
    organisation_name         text        NOT NULL,
    skill_id                  text        NOT NULL,
    evidence                  text        NOT NULL,
    status                    text        NOT NULL CHECK (status IN ('Pending', 'Accepted', 'Declined', 'Withdrawn')),
    created_at                timestamptz NOT NULL,
    decided_at                timestamptz NULL,
    withdrawn_at              timestamptz NULL
);

CREATE INDEX ix_endorsements_user ON endorsements (user_id, status);
CREATE INDEX ix_endorsements_endorser ON endorsements (endorser_user_id);
