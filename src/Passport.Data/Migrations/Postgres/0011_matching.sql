-- Matching. job_seeker_preferences gains where the job seeker lives (a place id from content/places, so the ranker
-- only ever knows a town centre) and whether employers may find their passport without their name (opt-in).
-- ranker_models holds every trained model with its metadata; exactly one is active. match_candidates gives each
-- candidate a pseudonym per vacancy (candidate_ref) the first time they are shown for it, and holds the employer's
-- invitation and latest outcome, the labels of retraining. match_lists and match_list_items record every list shown
-- and which model version produced it (EU AI Act Art. 12).
-- Ownership: preferences and match_candidates rows belong to the job seeker in user_id and go with their account;
-- a job seeker's own lists go with them (subject_user_id); an employer's lists belong to its organisation and only
-- lose the viewer's id if that staff account goes. List items hold pseudonyms, vacancy or pathway ids, never a user id.

ALTER TABLE job_seeker_preferences ADD COLUMN home_place text NULL;
ALTER TABLE job_seeker_preferences ADD COLUMN open_to_matching boolean NOT NULL DEFAULT false;

-- The candidate pool re-reads only the people changed since its last read.
CREATE INDEX ix_sprint_responses_answered ON sprint_responses (answered_at);
CREATE INDEX ix_job_seeker_preferences_updated ON job_seeker_preferences (updated_at);
CREATE INDEX ix_experiences_updated ON experiences (updated_at);

CREATE TABLE ranker_models (
    version             text    NOT NULL PRIMARY KEY,
    source              text    NOT NULL CHECK (source IN ('Simulation', 'Outcomes')),
    status              text    NOT NULL CHECK (status IN ('Active', 'Retired', 'Rejected')),
    trained_at          timestamptz NOT NULL,
    training_pairs      integer NOT NULL,
    training_vacancies  integer NOT NULL,
    held_out_ndcg       double precision NOT NULL,
    compared_ndcg       double precision NULL,
    metadata            text    NOT NULL,
    model               bytea   NOT NULL,
    created_at          timestamptz NOT NULL,
    promoted_at         timestamptz NULL
);

CREATE UNIQUE INDEX ux_ranker_models_active ON ranker_models (status) WHERE status = 'Active';

CREATE TABLE match_candidates (
    vacancy_id          uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    user_id             uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    candidate_ref       text NOT NULL,
    first_shown_at      timestamptz NOT NULL,
    invited_at          timestamptz NULL,
    consent_id          uuid NULL,
    outcome             text NULL CHECK (outcome IN ('Rejected', 'Viewed', 'Shortlisted', 'Interviewed', 'Hired')),
    outcome_at          timestamptz NULL,
    outcome_by_user_id  uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (vacancy_id, user_id)
);

CREATE UNIQUE INDEX ux_match_candidates_ref ON match_candidates (vacancy_id, candidate_ref);
CREATE INDEX ix_match_candidates_user ON match_candidates (user_id);
CREATE INDEX ix_match_candidates_outcome ON match_candidates (outcome_at) WHERE outcome IS NOT NULL;
CREATE INDEX ix_match_candidates_outcome_by ON match_candidates (outcome_by_user_id);

CREATE TABLE match_lists (
    id                uuid    NOT NULL PRIMARY KEY,
    kind              text    NOT NULL CHECK (kind IN ('Candidates', 'Vacancies', 'Pathways')),
    model_version     text    NULL REFERENCES ranker_models (version),
    vacancy_id        uuid    NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    organisation_id   uuid    NULL REFERENCES organisations (id),
    viewer_user_id    uuid    NULL REFERENCES users (id) ON DELETE SET NULL,
    subject_user_id   uuid    NULL REFERENCES users (id) ON DELETE CASCADE,
    eligible          integer NOT NULL,
    shown_at          timestamptz NOT NULL
);

CREATE INDEX ix_match_lists_vacancy ON match_lists (vacancy_id, shown_at);
CREATE INDEX ix_match_lists_viewer ON match_lists (viewer_user_id);
CREATE INDEX ix_match_lists_subject ON match_lists (subject_user_id);

CREATE TABLE match_list_items (
    list_id   uuid    NOT NULL REFERENCES match_lists (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    item_ref  text    NOT NULL,
    score     double precision NOT NULL,
    PRIMARY KEY (list_id, position)
);
