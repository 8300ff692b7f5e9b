-- Matching. job_seeker_preferences gains where the job seeker lives (a place id from content/places, so the ranker
-- only ever knows a town centre) and whether employers may find their passport without their name (opt-in).
-- ranker_models holds every trained model with its metadata; exactly one is active. match_candidates gives each
-- candidate a pseudonym per vacancy (candidate_ref) the first time they are shown for it, and holds the employer's
-- invitation and latest outcome, the labels of retraining. match_lists and match_list_items record every list shown
-- and which model version produced it (EU AI Act Art. 12).
-- Ownership: preferences and match_candidates rows belong to the job seeker in user_id and go with their account;
-- a job seeker's own lists go with them (subject_user_id); an employer's lists belong to its organisation and only
-- lose the viewer's id if that staff account goes. List items hold pseudonyms, vacancy or pathway ids, never a user id.

ALTER TABLE job_seeker_preferences ADD COLUMN home_place TEXT NULL;
ALTER TABLE job_seeker_preferences ADD COLUMN open_to_matching INTEGER NOT NULL DEFAULT 0;

-- The candidate pool re-reads only the people changed since its last read.
CREATE INDEX ix_sprint_responses_answered ON sprint_responses (answered_at);
CREATE INDEX ix_job_seeker_preferences_updated ON job_seeker_preferences (updated_at);
CREATE INDEX ix_experiences_updated ON experiences (updated_at);

CREATE TABLE ranker_models (
    version             TEXT    NOT NULL PRIMARY KEY,
    source              TEXT    NOT NULL CHECK (source IN ('Simulation', 'Outcomes')),
    status              TEXT    NOT NULL CHECK (status IN ('Active', 'Retired', 'Rejected')),
    trained_at          TEXT    NOT NULL,
    training_pairs      INTEGER NOT NULL,
    training_vacancies  INTEGER NOT NULL,
    held_out_ndcg       REAL    NOT NULL,
    compared_ndcg       REAL    NULL,
    metadata            TEXT    NOT NULL,
    model               BLOB    NOT NULL,
    created_at          TEXT    NOT NULL,
    promoted_at         TEXT    NULL
);

CREATE UNIQUE INDEX ux_ranker_models_active ON ranker_models (status) WHERE status = 'Active';

CREATE TABLE match_candidates (
    vacancy_id          TEXT NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    user_id             TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    candidate_ref       TEXT NOT NULL,
    first_shown_at      TEXT NOT NULL,
    invited_at          TEXT NULL,
    consent_id          TEXT NULL,
    outcome             TEXT NULL CHECK (outcome IN ('Rejected', 'Viewed', 'Shortlisted', 'Interviewed', 'Hired')),
    outcome_at          TEXT NULL,
    outcome_by_user_id  TEXT NULL REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (vacancy_id, user_id)
);

CREATE UNIQUE INDEX ux_match_candidates_ref ON match_candidates (vacancy_id, candidate_ref);
CREATE INDEX ix_match_candidates_user ON match_candidates (user_id);
CREATE INDEX ix_match_candidates_outcome ON match_candidates (outcome_at) WHERE outcome IS NOT NULL;
CREATE INDEX ix_match_candidates_outcome_by ON match_candidates (outcome_by_user_id);

CREATE TABLE match_lists (
    id                TEXT    NOT NULL PRIMARY KEY,
    kind              TEXT    NOT NULL CHECK (kind IN ('Candidates', 'Vacancies', 'Pathways')),
    model_version     TEXT    NULL REFERENCES ranker_models (version),
    vacancy_id        TEXT    NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    organisation_id   TEXT    NULL REFERENCES organisations (id),
    viewer_user_id    TEXT    NULL REFERENCES users (id) ON DELETE SET NULL,
    subject_user_id   TEXT    NULL REFERENCES users (id) ON DELETE CASCADE,
    eligible          INTEGER NOT NULL,
    shown_at          TEXT    NOT NULL
);

CREATE INDEX ix_match_lists_vacancy ON match_lists (vacancy_id, shown_at);
CREATE INDEX ix_match_lists_viewer ON match_lists (viewer_user_id);
CREATE INDEX ix_match_lists_subject ON match_lists (subject_user_id);

CREATE TABLE match_list_items (
    list_id   TEXT    NOT NULL REFERENCES match_lists (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    item_ref  TEXT    NOT NULL,
    score     REAL    NOT NULL,
    PRIMARY KEY (list_id, position)
);
