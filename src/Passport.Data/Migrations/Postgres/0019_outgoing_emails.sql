-- The e-mail outbox: every message the product sends, written in the same transaction as the change that causes it
-- (an invitation, a password reset, an appointment), then delivered by the host's delivery loop (docs/email.md).
-- A row is Pending until sent; Sent rows keep sent_at; Failed rows gave up after the last attempt and stay visible
-- to an Admin with their last error. next_attempt_at is when a delivery loop may take the row: claiming it moves
-- next_attempt_at to the end of the claim's lease and sets lease_token, so a host that dies mid-send leaves a row
-- that becomes due again when the lease ends. The id is the message's stable Message-ID.
-- Personal data: the recipient's address and the message. Rows are deleted once older than Email:Retention.

CREATE TABLE outgoing_emails (
    id               uuid        NOT NULL PRIMARY KEY,
    recipient        text        NOT NULL,
    language         text        NOT NULL,
    kind             text        NOT NULL,
    subject          text        NOT NULL,
    text_body        text        NOT NULL,
    html_body        text        NOT NULL,
    created_at       timestamptz NOT NULL,
    due_at           timestamptz NOT NULL,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    lease_token      uuid        NULL,
    last_attempt_at  timestamptz NULL,
    last_error       text        NULL,
    sent_at          timestamptz NULL
);

CREATE INDEX ix_outgoing_emails_due ON outgoing_emails (status, next_attempt_at);
CREATE INDEX ix_outgoing_emails_created ON outgoing_emails (created_at);
