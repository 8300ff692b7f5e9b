-- Pathways gain dates: the first and the last day of teaching. No start date means students can start any time; an
-- end date needs a start date.
-- pathway_questions holds what a young person asked a pathway's provider, with the consent (category contact, to
-- the provider's organisation) they gave with it; the provider reads their contact details only through that consent.
-- Ownership: a question belongs to the young person in user_id and goes with their account; it also goes with its
-- pathway. organisation_id is the provider at the time of asking, for the provider's list.

ALTER TABLE pathways ADD COLUMN starts_on date NULL;
ALTER TABLE pathways ADD COLUMN ends_on date NULL;

CREATE TABLE pathway_questions (
    id               uuid        NOT NULL PRIMARY KEY,
    pathway_id       uuid        NOT NULL REFERENCES pathways (id) ON DELETE CASCADE,
    organisation_id  uuid        NOT NULL REFERENCES organisations (id),
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    consent_id       uuid        NOT NULL,
    question         text        NULL,
    asked_at         timestamptz NOT NULL
);

CREATE INDEX ix_pathway_questions_pathway ON pathway_questions (pathway_id, asked_at);
CREATE INDEX ix_pathway_questions_user ON pathway_questions (user_id, pathway_id);
