-- The passport beside the measured skills. experiences: what a person did (work, internship, volunteering,
-- education), with optional ESCO concept URIs (a JSON array of strings). endorsements: someone from an
-- organisation vouches for one of a person's skills with a short piece of evidence; the person accepts or declines
-- it before it shows, and may withdraw it later. The endorser's name and organisation name are copied in at the
-- time, so the owner always sees who endorsed them, even after the endorser's account is gone.
-- Ownership: every row belongs to the person in user_id (erasing the account deletes them). endorser_user_id and
-- endorser_organisation_id only point back to the endorser and are cleared when those rows go.

CREATE TABLE experiences (
    id            TEXT NOT NULL PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('Work', 'Internship', 'Volunteering', 'Education')),
    title         TEXT NOT NULL,
    organisation  TEXT NULL,
    place         TEXT NULL,
    started_on    TEXT NOT NULL,
    ended_on      TEXT NULL,
    description   TEXT NULL,
    esco_uris     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE INDEX ix_experiences_user ON experiences (user_id, started_on);

CREATE TABLE endorsements (
    id                        TEXT NOT NULL PRIMARY KEY,
    user_id                   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    endorser_user_id          TEXT NULL REFERENCES users (id) ON DELETE SET NULL,
    endorser_organisation_id  TEXT NULL REFERENCES organisations (id) ON DELETE SET NULL,
    endorser_name             TEXT NOT NULL,
    organisation_name         TEXT NOT NULL,
    skill_id                  TEXT NOT NULL,
    evidence                  TEXT NOT NULL,
    status                    TEXT NOT NULL CHECK (status IN ('Pending', 'Accepted', 'Declined', 'Withdrawn')),
    created_at                TEXT NOT NULL,
    decided_at                TEXT NULL,
    withdrawn_at              TEXT NULL
);

CREATE INDEX ix_endorsements_user ON endorsements (user_id, status);
CREATE INDEX ix_endorsements_endorser ON endorsements (endorser_user_id);
