-- The history of edits to a published vacancy: who changed it, when, and which parts (the API's field names,
-- space-separated: title, sector, location, hoursPerWeek, skills, mustHaves). Job seekers and the ranker have seen a
-- published vacancy, so its employer can tell what changed since; edits to a draft are not recorded. Rows are only
-- ever added.
-- Ownership: every row belongs to its vacancy (and so to the vacancy's organisation). changed_by_user_id is emptied
-- if that account goes; the row stays, so the history still says that something changed and when.

CREATE TABLE vacancy_changes (
    id                  uuid        NOT NULL PRIMARY KEY,
    vacancy_id          uuid        NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
    changed_at          timestamptz NOT NULL,
    changed_by_user_id  uuid        NULL REFERENCES users (id) ON DELETE SET NULL,
    fields              text        NOT NULL
);

CREATE INDEX ix_vacancy_changes_vacancy ON vacancy_changes (vacancy_id, changed_at);
CREATE INDEX ix_vacancy_changes_user ON vacancy_changes (changed_by_user_id);
