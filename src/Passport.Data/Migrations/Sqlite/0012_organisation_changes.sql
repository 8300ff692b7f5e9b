-- The history of every change to an organisation: who changed which field, when, from what to what. Kind, sector
-- and legal name decide whose consent covers the organisation, so only an administrator changes them (changed_by_role
-- 'Admin'); staff change the rest of their own organisation's profile ('Staff'). Rows are only ever added.
-- Ownership: every row belongs to the organisation in organisation_id. changed_by_user_id is emptied if that account
-- goes; the role stays, so the history still says an administrator made the change.

CREATE TABLE organisation_changes (
    id                  TEXT NOT NULL PRIMARY KEY,
    organisation_id     TEXT NOT NULL REFERENCES organisations (id),
    changed_at          TEXT NOT NULL,
    changed_by_user_id  TEXT NULL REFERENCES users (id) ON DELETE SET NULL,
    changed_by_role     TEXT NOT NULL CHECK (changed_by_role IN ('Admin', 'Staff')),
    field               TEXT NOT NULL CHECK (field IN ('kind', 'name', 'sector', 'place', 'website', 'description')),
    old_value           TEXT NULL,
    new_value           TEXT NULL
);

CREATE INDEX ix_organisation_changes_organisation ON organisation_changes (organisation_id, changed_at);
CREATE INDEX ix_organisation_changes_user ON organisation_changes (changed_by_user_id);

-- The daily limit on requests to share data counts a staff member's requests of the last 24 hours.
CREATE INDEX ix_consents_requested_by ON consents (requested_by_user_id, created_at);
