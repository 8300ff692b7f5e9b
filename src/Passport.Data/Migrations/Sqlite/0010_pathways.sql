-- Education pathways that education partners offer: the pathway itself, its modules, its entry requirements and
-- the skill levels a student is expected to gain. No personal data: a pathway describes a course, not a person.
-- Ownership: a pathway belongs to the provider's organisation (organisation_id); the child rows belong to their
-- pathway and go with it.

CREATE TABLE pathways (
    id               TEXT    NOT NULL PRIMARY KEY,
    organisation_id  TEXT    NOT NULL REFERENCES organisations (id),
    title            TEXT    NOT NULL,
    place            TEXT    NOT NULL,
    latitude         REAL    NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude        REAL    NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    capacity         INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    status           TEXT    NOT NULL CHECK (status IN ('Draft', 'Open', 'Full', 'Closed')),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);

CREATE INDEX ix_pathways_organisation ON pathways (organisation_id, status);
CREATE INDEX ix_pathways_status ON pathways (status);

CREATE TABLE pathway_modules (
    pathway_id  TEXT    NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    weeks       INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
    PRIMARY KEY (pathway_id, position)
);

CREATE TABLE pathway_entry_requirements (
    pathway_id     TEXT    NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    skill_id       TEXT    NOT NULL,
    minimum_level  INTEGER NOT NULL CHECK (minimum_level BETWEEN 1 AND 5),
    position       INTEGER NOT NULL,
    PRIMARY KEY (pathway_id, skill_id)
);

CREATE TABLE pathway_gains (
    pathway_id     TEXT NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    skill_id       TEXT NOT NULL,
    expected_gain  REAL NOT NULL CHECK (expected_gain BETWEEN 0.5 AND 2),
    position       INTEGER NOT NULL,
    PRIMARY KEY (pathway_id, skill_id)
);
