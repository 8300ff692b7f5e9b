-- The social map: organisations that reach young people, formal and informal, each curated by one municipality
-- (municipality_id). kind and offers are SocialMapKind / SocialMapOffer names (offers and languages as comma-separated
-- lists); place_id is a place of content/places (its district is the place's name). listed says the organisation
-- agreed to be listed: only listed ones show to young people or can be referred to.
-- Referrals live on plan_steps: a step may refer the young person to a map organisation (name copied at the time, so
-- the step still reads if the entry goes). referral_suggested_share is what the professional suggested passing on;
-- referral_share is what the young person chose when agreeing (NULL until then: nothing is shared before they agree).
-- The outcome flags (went, stayed, helped) only go from false to true; reach and impact count people from them.
-- Ownership: a map entry belongs to its municipality and goes with it; it holds no young person's data. The referral
-- columns belong to the person of the step and go with their plan.

CREATE TABLE social_map_organisations (
    id               TEXT  NOT NULL PRIMARY KEY,
    municipality_id  TEXT  NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT  NOT NULL,
    kind             TEXT  NOT NULL CHECK (kind IN ('SportsClub', 'ReligiousCommunity', 'CommunityCentre', 'YouthWork', 'BarberOrShop', 'RoleModel', 'MusicOrArts', 'HomeworkHelp', 'DebtHelp', 'Library', 'Other')),
    place_id         TEXT  NOT NULL,
    offers           TEXT  NOT NULL,
    languages        TEXT  NOT NULL,
    opening_times    TEXT  NULL,
    phone            TEXT  NULL,
    email            TEXT  NULL,
    website          TEXT  NULL,
    listed           INTEGER  NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE INDEX ix_social_map_organisations_municipality ON social_map_organisations (municipality_id, name);
CREATE INDEX ix_social_map_organisations_listed ON social_map_organisations (listed, place_id);

ALTER TABLE plan_steps ADD COLUMN referral_organisation_id TEXT NULL REFERENCES social_map_organisations (id) ON DELETE SET NULL;
ALTER TABLE plan_steps ADD COLUMN referral_organisation_name TEXT NULL;
ALTER TABLE plan_steps ADD COLUMN referral_suggested_share TEXT NULL;
ALTER TABLE plan_steps ADD COLUMN referral_share TEXT NULL;
ALTER TABLE plan_steps ADD COLUMN referral_went INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_steps ADD COLUMN referral_stayed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_steps ADD COLUMN referral_helped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_steps ADD COLUMN referral_outcome_at TEXT NULL;

CREATE INDEX ix_plan_steps_referral ON plan_steps (referral_organisation_id);
