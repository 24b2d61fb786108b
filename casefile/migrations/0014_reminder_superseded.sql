-- 0014: a promise's due-day reminder carries the start of its follow-up.
-- `remind list` leaves a due-day reminder out once its follow-up begins
-- before tomorrow (the follow-up says the same thing, louder). That was a
-- lookup of the follow-up by UID for every overdue due-day row, thousands
-- on a large file, to count the rows a screenful does not show; with the
-- follow-up's start on the row (superseded, the Unix second; the largest
-- integer on every other row) it is one condition on an index.
ALTER TABLE case_reminders ADD COLUMN superseded INTEGER NOT NULL DEFAULT 9223372036854775807;
UPDATE case_reminders SET superseded = coalesce((SELECT f.start FROM case_reminders f
    WHERE f.uid = replace(case_reminders.uid, '-due@', '-followup@')), 9223372036854775807)
    WHERE rule = 'promise-due';
-- The overdue ones a list still shows, counted from this index alone.
DROP INDEX case_reminders_overdue;
CREATE INDEX case_reminders_overdue ON case_reminders (start, case_id, uid, superseded, listed_overdue) WHERE listed_overdue;
