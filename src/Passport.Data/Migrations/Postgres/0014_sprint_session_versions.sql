-- Every write to a sprint session names the version it makes and is stored only over the version before it
-- (optimistic concurrency), so a session that read an older row (a second activation, or one that missed that
-- its own write had committed) never overwrites a newer position. Existing sessions start at version 0.

ALTER TABLE sprint_sessions ADD COLUMN version integer NOT NULL DEFAULT 0;
