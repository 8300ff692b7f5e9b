-- Flexible consent and the access log. A consent lets one audience (an organisation, the employers of a sector, or
-- all education partners) see some categories of one owner's data; consent_records is its history (one ISO/IEC
-- TS 27560 record per event, never updated); access_log has one row per read of someone's data by anyone but its
-- owner; guardian_consents holds a coach's confirmation that a parent or guardian agreed (GDPR Art. 8).
-- Ownership: every row belongs to the job seeker in user_id / subject_user_id and goes when their account goes.
-- Staff columns (requested_by_user_id, actor_user_id, confirmed_by_user_id) are emptied if the staff account goes.

CREATE TABLE consents (
    id                        uuid NOT NULL PRIMARY KEY,
    user_id                   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    audience_kind             text NOT NULL CHECK (audience_kind IN ('Organisation', 'Sector', 'AllEducationPartners')),
    audience_organisation_id  uuid NULL REFERENCES organisations (id),
    audience_sector           text NULL,
    categories                text NOT NULL,
    purpose                   text NOT NULL,
    status                    text NOT NULL CHECK (status IN ('Requested', 'Granted', 'Declined', 'Revoked', 'Expired')),
    requested_by_user_id      uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at                timestamptz NOT NULL,
    decided_at                timestamptz NULL,
    expires_at                timestamptz NULL,
    closed_at                 timestamptz NULL
);

CREATE INDEX ix_consents_user ON consents (user_id, created_at);
CREATE INDEX ix_consents_audience_organisation ON consents (audience_organisation_id, status);
CREATE INDEX ix_consents_audience_sector ON consents (audience_sector, status);

CREATE TABLE consent_records (
    id           uuid NOT NULL PRIMARY KEY,
    consent_id   uuid NOT NULL REFERENCES consents (id) ON DELETE CASCADE,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event        text NOT NULL,
    recorded_at  timestamptz NOT NULL,
    record       text NOT NULL
);

CREATE INDEX ix_consent_records_consent ON consent_records (consent_id, recorded_at);

CREATE TABLE access_log (
    id                 uuid NOT NULL PRIMARY KEY,
    subject_user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    accessed_at        timestamptz NOT NULL,
    actor_user_id      uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    actor_name         text NULL,
    organisation_id    uuid NULL REFERENCES organisations (id),
    organisation_name  text NULL,
    categories         text NOT NULL,
    purpose            text NULL,
    channel            text NOT NULL CHECK (channel IN ('Api', 'Page', 'ShareLink', 'Workshop'))
);

CREATE INDEX ix_access_log_subject ON access_log (subject_user_id, accessed_at);
CREATE INDEX ix_access_log_actor ON access_log (actor_user_id);

CREATE TABLE guardian_consents (
    user_id               uuid NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    guardian_name         text NOT NULL,
    method                text NOT NULL,
    confirmed_by_user_id  uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    organisation_id       uuid NOT NULL REFERENCES organisations (id),
    confirmed_at          timestamptz NOT NULL
);
