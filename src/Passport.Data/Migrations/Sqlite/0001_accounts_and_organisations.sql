-- Accounts, organisations and the keys the host needs to protect cookies and tokens.
-- Ownership: an organisation owns itself; a staff user's row is owned by its organisation_id;
-- a job seeker (organisation_id null) owns their own rows, keyed by user_id.

CREATE TABLE organisations (
    id           TEXT    NOT NULL PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('Employer', 'EducationProvider', 'Municipality')),
    name         TEXT    NOT NULL,
    sector       TEXT    NULL,
    place        TEXT    NULL,
    website      TEXT    NULL,
    description  TEXT    NULL,
    is_demo      INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);

CREATE TABLE users (
    id                   TEXT    NOT NULL PRIMARY KEY,
    email                TEXT    NOT NULL,
    normalized_email     TEXT    NOT NULL,
    email_confirmed      INTEGER NOT NULL DEFAULT 0,
    display_name         TEXT    NOT NULL,
    language             TEXT    NOT NULL,
    birth_year           INTEGER NULL,
    organisation_id      TEXT    NULL REFERENCES organisations (id),
    password_hash        TEXT    NULL,
    security_stamp       TEXT    NOT NULL,
    concurrency_stamp    TEXT    NOT NULL,
    lockout_enabled      INTEGER NOT NULL DEFAULT 1,
    lockout_end          TEXT    NULL,
    access_failed_count  INTEGER NOT NULL DEFAULT 0,
    is_demo              INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT    NOT NULL
);

CREATE UNIQUE INDEX ux_users_normalized_email ON users (normalized_email);
CREATE INDEX ix_users_organisation ON users (organisation_id);

CREATE TABLE user_roles (
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('JobSeeker', 'Employer', 'EducationPartner', 'Coach', 'Admin')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE job_seeker_preferences (
    user_id         TEXT    NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    hours_per_week  INTEGER NULL,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE job_seeker_sectors (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sector_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (user_id, sector_id)
);

CREATE TABLE data_protection_keys (
    friendly_name  TEXT NOT NULL PRIMARY KEY,
    xml            TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE signing_keys (
    purpose     TEXT NOT NULL PRIMARY KEY,
    key_base64  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
