-- A young person's one plan and the people who work with them.
-- plans: one row per person: the goal in their own words and a version that goes up by one with every change (a
-- write names the version it read, so two people never overwrite each other unseen).
-- plan_steps: the steps; owner_user_id null means the young person does it, else a named contact person (name
-- copied at the time). Status follows the step lifecycle (docs/lifecycles/plan-step.dot).
-- plan_history: every change: who (name and organisation copied at the time), when, what. Rows are only ever added.
-- contact_persons: a coach of a municipality who works with the person, while the person shares their plan with
-- that organisation; ending one keeps the row (ended_at, why, and who took over).
-- Ownership: every row belongs to the person in person_id (erasing the account deletes them). owner_user_id,
-- actor_user_id and successor_user_id only point to staff and are cleared when those accounts go; a contact person
-- row goes with the staff account it names.

CREATE TABLE plans (
    person_id   TEXT    NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    goal        TEXT    NULL,
    version     INTEGER NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE TABLE plan_steps (
    id             TEXT NOT NULL PRIMARY KEY,
    person_id      TEXT NOT NULL REFERENCES plans (person_id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    meaning        TEXT NULL,
    owner_user_id  TEXT NULL REFERENCES users (id) ON DELETE SET NULL,
    owner_name     TEXT NULL,
    due_on         TEXT NULL,
    status         TEXT NOT NULL CHECK (status IN ('Proposed', 'Agreed', 'InProgress', 'Done', 'Declined', 'Dropped')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE INDEX ix_plan_steps_person ON plan_steps (person_id, created_at);
CREATE INDEX ix_plan_steps_owner ON plan_steps (owner_user_id);

CREATE TABLE plan_history (
    id                 TEXT NOT NULL PRIMARY KEY,
    person_id          TEXT NOT NULL REFERENCES plans (person_id) ON DELETE CASCADE,
    at                 TEXT NOT NULL,
    event              TEXT NOT NULL,
    step_id            TEXT NULL,
    detail             TEXT NOT NULL,
    actor_user_id      TEXT NULL REFERENCES users (id) ON DELETE SET NULL,
    actor_side         TEXT NOT NULL CHECK (actor_side IN ('Person', 'Professional')),
    actor_name         TEXT NOT NULL,
    organisation_name  TEXT NULL
);

CREATE INDEX ix_plan_history_person ON plan_history (person_id, at);
CREATE INDEX ix_plan_history_actor ON plan_history (actor_user_id);

CREATE TABLE contact_persons (
    id                 TEXT NOT NULL PRIMARY KEY,
    person_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    staff_user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id    TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    since              TEXT NOT NULL,
    ended_at           TEXT NULL,
    ended_reason       TEXT NULL,
    successor_user_id  TEXT NULL REFERENCES users (id) ON DELETE SET NULL
);

CREATE UNIQUE INDEX ux_contact_persons_active ON contact_persons (person_id, staff_user_id) WHERE ended_at IS NULL;
CREATE INDEX ix_contact_persons_staff ON contact_persons (staff_user_id, ended_at);
CREATE INDEX ix_contact_persons_successor ON contact_persons (successor_user_id);
CREATE INDEX ix_contact_persons_organisation ON contact_persons (organisation_id);
