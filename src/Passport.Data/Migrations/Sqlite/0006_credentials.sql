-- Open Badges credentials issued to job seekers, one row per credential. The signed credential (the JWT) is the
-- owner's and is never stored; a row keeps only what revocation and the public status list need: which bit of
-- which status list belongs to the credential and whether it is revoked.
-- Ownership: a row belongs to the job seeker in user_id. Erasing the account first revokes every credential and
-- clears user_id and skill_id, so nothing personal remains while the revoked bits stay set (hence ON DELETE SET
-- NULL rather than CASCADE: deleting the row would hand its bit to a new credential and un-revoke the old one).

CREATE TABLE issued_credentials (
    id                 TEXT    NOT NULL PRIMARY KEY,
    user_id            TEXT    NULL REFERENCES users (id) ON DELETE SET NULL,
    kind               TEXT    NOT NULL CHECK (kind IN ('skill', 'summary')),
    skill_id           TEXT    NULL,
    status_list_id     INTEGER NOT NULL,
    status_list_index  INTEGER NOT NULL,
    status             TEXT    NOT NULL CHECK (status IN ('Issued', 'Revoked')),
    issued_at          TEXT    NOT NULL,
    revoked_at         TEXT    NULL,
    kid                TEXT    NOT NULL
);

CREATE UNIQUE INDEX ux_issued_credentials_status_bit ON issued_credentials (status_list_id, status_list_index);
CREATE INDEX ix_issued_credentials_user ON issued_credentials (user_id);
