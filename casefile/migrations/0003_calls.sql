-- 0003: live call logs. A contact logged with `redress call` stays open
-- (ended_at = '') until the call ends, so a crash or a dropped call can be
-- resumed; hold time is kept as it happens.

ALTER TABLE contacts ADD COLUMN ended_at TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN hold_s INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN hold_since TEXT NOT NULL DEFAULT '';

-- Contacts logged after the fact were complete when written.
UPDATE contacts SET ended_at = at;

CREATE INDEX contacts_open ON contacts (case_id, ended_at);
