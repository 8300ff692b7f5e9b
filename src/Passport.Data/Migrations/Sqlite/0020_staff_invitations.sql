-- Staff of organisations: the organisation-admin right, deactivation of leavers, invitations for new staff and
-- password-reset tokens. Neither an invitation's nor a reset's secret is stored, only its SHA-256 hash (token_hash),
-- so a copy of these tables opens nothing.
-- Ownership: an invitation belongs to its organisation and goes with it; once accepted it also belongs to the account
-- it made (accepted_user_id) and goes when that account goes. created_by is emptied if the inviter's account goes.
-- A reset token belongs to its account (user_id) and goes with it.

-- Staff with the organisation-admin right invite colleagues and deactivate leavers of their own organisation.
ALTER TABLE users ADD COLUMN organisation_admin INTEGER NOT NULL DEFAULT 0;
-- A deactivated account cannot sign in; its sessions ended with a new security stamp. successor_user_id names the
-- colleague who takes over the leaver's people.
ALTER TABLE users ADD COLUMN deactivated_at TEXT NULL;
ALTER TABLE users ADD COLUMN deactivated_by TEXT NULL REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE users ADD COLUMN successor_user_id TEXT NULL REFERENCES users (id) ON DELETE SET NULL;

CREATE TABLE staff_invitations (
    id                  TEXT    NOT NULL PRIMARY KEY,
    organisation_id     TEXT    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email               TEXT    NOT NULL,
    normalized_email    TEXT    NOT NULL,
    organisation_admin  INTEGER NOT NULL DEFAULT 0,
    language            TEXT    NOT NULL,
    token_hash          TEXT    NOT NULL UNIQUE,
    created_by          TEXT    NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at          TEXT    NOT NULL,
    expires_at          TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('Pending', 'Accepted', 'Expired', 'Revoked')),
    accepted_user_id    TEXT    NULL REFERENCES users (id) ON DELETE CASCADE,
    accepted_at         TEXT    NULL
);

CREATE INDEX ix_staff_invitations_organisation ON staff_invitations (organisation_id, created_at);
CREATE INDEX ix_staff_invitations_created_by ON staff_invitations (created_by);
CREATE INDEX ix_staff_invitations_accepted_user ON staff_invitations (accepted_user_id);

CREATE TABLE password_reset_tokens (
    id          TEXT NOT NULL PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL
);

CREATE INDEX ix_password_reset_tokens_user ON password_reset_tokens (user_id);
