-- The e-mail outbox: every message the product sends, written in the same transaction as the change that causes it
-- (an invitation, a password reset, an appointment), then delivered by the host's delivery loop (docs/email.md).
-- A row is Pending until sent; Sent rows keep sent_at; Failed rows gave up after the last attempt and stay visible
-- to an Admin with their last error. next_attempt_at is when a delivery loop may take the row: claiming it moves
-- next_attempt_at to the end of the claim's lease and sets lease_token, so a host that dies mid-send leaves a row
-- that becomes due again when the lease ends. The id is the message's stable Message-ID.
-- Personal data: the recipient's address and the message. Rows are deleted once older than Email:Retention.

CREATE TABLE outgoing_emails (
    id               TEXT    NOT NULL PRIMARY KEY,
    recipient        TEXT    NOT NULL,
    language         TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    subject          TEXT    NOT NULL,
    text_body        TEXT    NOT NULL,
    html_body        TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    due_at           TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    lease_token      TEXT    NULL,
    last_attempt_at  TEXT    NULL,
    last_error       TEXT    NULL,
    sent_at          TEXT    NULL
);

CREATE INDEX ix_outgoing_emails_due ON outgoing_emails (status, next_attempt_at);
CREATE INDEX ix_outgoing_emails_created ON outgoing_emails (created_at);
