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
    id               uuid  NOT NULL PRIMARY KEY,
    municipality_id  uuid  NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             text  NOT NULL,
    kind             text  NOT NULL CHECK (kind IN ('SportsClub', 'ReligiousCommunity', 'CommunityCentre', 'YouthWork', 'BarberOrShop', 'RoleModel', 'MusicOrArts', 'HomeworkHelp', 'DebtHelp', 'Library', 'Other')),
    place_id         text  NOT NULL,
    offers           text  NOT NULL,
    languages        text  NOT NULL,
    opening_times    text  NULL,
    phone            text  NULL,
    email            text  NULL,
    website          text  NULL,
    listed           boolean  NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE INDEX ix_social_map_organisations_municipality ON social_map_organisations (municipality_id, name);
CREATE INDEX ix_social_map_organisations_listed ON social_map_organisations (listed, place_id);

ALTER TABLE plan_steps ADD COLUMN referral_organisation_id uuid NULL REFERENCES social_map_organisations (id) ON DELETE SET NULL;
ALTER TABLE plan_steps ADD COLUMN referral_organisation_name text NULL;
ALTER TABLE plan_steps ADD COLUMN referral_suggested_share text NULL;
ALTER TABLE plan_steps ADD COLUMN referral_share text NULL;
ALTER TABLE plan_steps ADD COLUMN referral_went boolean NOT NULL DEFAULT false;
ALTER TABLE plan_steps ADD COLUMN referral_stayed boolean NOT NULL DEFAULT false;
ALTER TABLE plan_steps ADD COLUMN referral_helped boolean NOT NULL DEFAULT false;
ALTER TABLE plan_steps ADD COLUMN referral_outcome_at timestamptz NULL;

CREATE INDEX ix_plan_steps_referral ON plan_steps (referral_organisation_id);
