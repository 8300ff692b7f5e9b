-- Account erasures (GDPR Art. 17). One row per erased account, holding nothing that identifies it: not its id,
-- e-mail or name, only when it happened and which kind of account it was, so the erasure itself can be accounted
-- for. Ownership: the platform's own record; it belongs to nobody.

CREATE TABLE erasures (
    id         TEXT NOT NULL PRIMARY KEY,
    erased_at  TEXT NOT NULL,
    roles      TEXT NOT NULL
);
