-- Warm hand-overs, continued: the consent the young person gave the receiving organisation through the hand-over.
-- consent_id names that consent (category plan), so that a hand-over declined, withdrawn or expired after the young
-- person's "yes" takes exactly that consent back and no other the young person gave on their own. Null before the
-- consent, and when the young person's consents went with their account.

ALTER TABLE handovers ADD COLUMN consent_id TEXT NULL;
