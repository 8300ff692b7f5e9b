-- Education pathways that education partners offer: the pathway itself, its modules, its entry requirements and
-- the skill levels a student is expected to gain. No personal data: a pathway describes a course, not a person.
-- Ownership: a pathway belongs to the provider's organisation (organisation_id); the child rows belong to their
-- pathway and go with it.

CREATE TABLE pathways (
    id               uuid             NOT NULL PRIMARY KEY,
    organisation_id  uuid             NOT NULL REFERENCES organisations (id),
    title            text             NOT NULL,
    place            text             NOT NULL,
    latitude         double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    capacity         integer          NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    status           text             NOT NULL CHECK (status IN ('Draft', 'Open', 'Full', 'Closed')),
    created_at       timestamptz      NOT NULL,
    updated_at       timestamptz      NOT NULL
);

CREATE INDEX ix_pathways_organisation ON pathways (organisation_id, status);
CREATE INDEX ix_pathways_status ON pathways (status);

CREATE TABLE pathway_modules (
    pathway_id  uuid    NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    title       text    NOT NULL,
    weeks       integer NOT NULL CHECK (weeks BETWEEN 1 AND 52),
    PRIMARY KEY (pathway_id, position)
);

CREATE TABLE pathway_entry_requirements (
    pathway_id     uuid    NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    skill_id       text    NOT NULL,
    minimum_level  integer NOT NULL CHECK (minimum_level BETWEEN 1 AND 5),
    position       integer NOT NULL,
    PRIMARY KEY (pathway_id, skill_id)
);

CREATE TABLE pathway_gains (
    pathway_id     uuid             NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    skill_id       text             NOT NULL,
    expected_gain  double precision NOT NULL CHECK (expected_gain BETWEEN 0.5 AND 2),
    position       integer          NOT NULL,
    PRIMARY KEY (pathway_id, skill_id)
);
