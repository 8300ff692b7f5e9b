-- Vacancy and pathway texts in several languages. The existing columns (vacancies.title, vacancy_must_haves.label,
-- pathways.title, pathway_modules.title) keep the text in the author's own language, the fallback for every reader;
-- translations holds that language and the texts in other product languages as JSON, e.g.
--   vacancies: {"language":"en","title":{"nl":"..."},"mustHaves":[{"nl":"..."},{}]}
--   pathways:  {"language":"en","title":{"nl":"..."},"modules":[{"nl":"..."},{}]}
-- (list entries follow the child rows' positions). NULL means the author's texts only, in English, as before.

ALTER TABLE vacancies ADD COLUMN translations TEXT NULL;
ALTER TABLE pathways ADD COLUMN translations TEXT NULL;
