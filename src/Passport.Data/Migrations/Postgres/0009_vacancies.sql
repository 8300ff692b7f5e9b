-- Employers' vacancies: the job (title, sector, place with its coordinates, hours), its soft-skill profile
-- (vacancy_skills: per skill an importance 0-3 and a minimum level 1-5) and its must-have certificates or hard
-- skills (vacancy_must_haves, optionally an ESCO URI). No personal data: the staff member who wrote a vacancy is
-- only referenced, and erasing their account keeps the vacancy (created_by_user_id becomes NULL).
-- Ownership: a vacancy belongs to its organisation (organisation_id); skills and must-haves to their vacancy.

CREATE TABLE vacancies (
    id                  uuid             NOT NULL PRIMARY KEY,
    organisation_id     uuid             NOT NULL REFERENCES organisations (id),
    created_by_user_id  uuid             NULL REFERENCES users (id) ON DELETE SET NULL,
    title               text             NOT NULL,
    sector              text             NOT NULL,
    latitude            double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude           double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    place               text             NOT NULL,
    hours_per_week      integer          NOT NULL CHECK (hours_per_week BETWEEN 1 AND 48),
    status              text             NOT NULL CHECK (status IN ('Draft', 'Published', 'Closed')),
    created_at          timestamptz      NOT NULL,
    published_at        timestamptz      NULL,
    closed_at           timestamptz      NULL
);

CREATE INDEX ix_vacancies_organisation ON vacancies (organisation_id, created_at);
CREATE INDEX ix_vacancies_status ON vacancies (status);
CREATE INDEX ix_vacancies_created_by ON vacancies (created_by_user_id);

CREATE TABLE vacancy_skills (
    vacancy_id     uuid    NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    skill_id       text    NOT NULL,
    importance     integer NOT NULL CHECK (importance BETWEEN 0 AND 3),
    minimum_level  integer NOT NULL CHECK (minimum_level BETWEEN 1 AND 5),
    PRIMARY KEY (vacancy_id, skill_id)
);

CREATE TABLE vacancy_must_haves (
    vacancy_id  uuid    NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    label       text    NOT NULL,
    esco_uri    text    NULL,
    PRIMARY KEY (vacancy_id, position)
);
