-- Share links: a job seeker's time-limited, revocable link to a read-only view of some categories of their data,
-- for someone without an account (an employer at a job fair). The link's secret is never stored, only its SHA-256
-- hash (token_hash), so a copy of this table opens nothing. categories holds API names separated by spaces, as in
-- consents. Opening a link writes an access_log row (channel ShareLink) and counts here in open_count.
-- Ownership: every row belongs to the job seeker in user_id and goes when their account goes.

CREATE TABLE share_links (
    id              uuid NOT NULL PRIMARY KEY,
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      text NOT NULL UNIQUE,
    label           text NULL,
    categories      text NOT NULL,
    status          text NOT NULL CHECK (status IN ('Active', 'Revoked', 'Expired')),
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz NULL,
    last_opened_at  timestamptz NULL,
    open_count      integer NOT NULL DEFAULT 0
);

CREATE INDEX ix_share_links_user ON share_links (user_id, created_at);
