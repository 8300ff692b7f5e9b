-- Accounts, organisations and the keys the host needs to protect cookies and tokens.
-- Ownership: an organisation owns itself; a staff user's row is owned by its organisation_id;
-- a job seeker (organisation_id null) owns their own rows, keyed by user_id.

CREATE TABLE organisations (
    id           uuid        NOT NULL PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('Employer', 'EducationProvider', 'Municipality')),
    name         text        NOT NULL,
    sector       text        NULL,
    place        text        NULL,
    website      text        NULL,
    description  text        NULL,
    is_demo      boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE users (
    id                   uuid        NOT NULL PRIMARY KEY,
    email                text        NOT NULL,
    normalized_email     text        NOT NULL,
    email_confirmed      boolean     NOT NULL DEFAULT false,
    display_name         text        NOT NULL,
    language             text        NOT NULL,
    birth_year           integer     NULL,
    organisation_id      uuid        NULL REFERENCES organisations (id),
    password_hash        text        NULL,
    security_stamp       text        NOT NULL,
    concurrency_stamp    text        NOT NULL,
    lockout_enabled      boolean     NOT NULL DEFAULT true,
    lockout_end          timestamptz NULL,
    access_failed_count  integer     NOT NULL DEFAULT 0,
    is_demo              boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_users_normalized_email ON users (normalized_email);
CREATE INDEX ix_users_organisation ON users (organisation_id);

CREATE TABLE user_roles (
    user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     text NOT NULL CHECK (role IN ('JobSeeker', 'Employer', 'EducationPartner', 'Coach', 'Admin')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE job_seeker_preferences (
    user_id         uuid        NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    hours_per_week  integer     NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE job_seeker_sectors (
    user_id    uuid    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sector_id  text    NOT NULL,
    position   integer NOT NULL,
    PRIMARY KEY (user_id, sector_id)
);

CREATE TABLE data_protection_keys (
    friendly_name  text        NOT NULL PRIMARY KEY,
    xml            text        NOT NULL,
    created_at     timestamptz NOT NULL
);

CREATE TABLE signing_keys (
    purpose     text        NOT NULL PRIMARY KEY,
    key_base64  text        NOT NULL,
    created_at  timestamptz NOT NULL
);
