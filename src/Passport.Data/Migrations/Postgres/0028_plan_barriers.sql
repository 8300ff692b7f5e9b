-- The barriers and needs a young person names on their plan (health, housing, money...): ids of the fixed list in
-- Passport.Domain.Plans.PlanBarriers, one row per barrier named. named_by_side says whether the young person or a
-- professional with their plan consent set it. The municipality's knowledge base only ever counts these rows.
-- Ownership: every row belongs to the person in person_id and goes when their account goes.

CREATE TABLE plan_barriers (
    person_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    barrier        text        NOT NULL,
    named_at       timestamptz NOT NULL,
    named_by_side  text        NOT NULL CHECK (named_by_side IN ('Person', 'Professional')),
    PRIMARY KEY (person_id, barrier)
);

CREATE INDEX ix_plan_barriers_barrier ON plan_barriers (barrier);
