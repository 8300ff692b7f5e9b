-- A job seeker's interest in one vacancy: the consent they gave the vacancy's employer for it (the mirror of the
-- employer's invitation). The row gets the candidate's pseudonym for that vacancy if they had none yet, so the
-- employer sees them as interested even when the ranker would not list them. Belongs to the job seeker in user_id.

ALTER TABLE match_candidates ADD COLUMN interest_consent_id TEXT NULL;
ALTER TABLE match_candidates ADD COLUMN interested_at TEXT NULL;

CREATE INDEX ix_match_candidates_interest ON match_candidates (vacancy_id, interested_at) WHERE interest_consent_id IS NOT NULL;
