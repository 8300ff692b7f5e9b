-- Whether an appointment that is over took place or was missed, as staff marked it (in-view counts two missed in a
-- row). attendance is null until someone marks it: an unmarked appointment that is over counts as having taken place.
-- attendance_marked_at is when it was last marked. Ownership: the appointment's (the person in person_id).

ALTER TABLE appointments ADD COLUMN attendance text NULL CHECK (attendance IN ('TookPlace', 'Missed'));
ALTER TABLE appointments ADD COLUMN attendance_marked_at timestamptz NULL;
