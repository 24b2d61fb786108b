-- 0004: reminders. Additive only: one column on cases and one new table.

-- Days to wait for a reply to an email, letter or web form before the
-- no-reply reminder fires; set per case with --no-reply-days.
ALTER TABLE cases ADD COLUMN no_reply_days INTEGER NOT NULL DEFAULT 5;

-- What was last exported for each reminder, per target ("file" for
-- `remind export`, "caldav <calendar url>" for `remind push`), so that the
-- next export can raise SEQUENCE and LAST-MODIFIED only when a reminder's
-- content changed, and send a dropped reminder once as cancelled (or delete
-- it from the CalDAV calendar). content is the reminder as last exported
-- (JSON), kept so a cancellation can repeat its date and summary; hash is
-- the SHA-256 of content. Rows stay after cancellation: if the reminder
-- comes back, its SEQUENCE keeps rising instead of starting again at 0,
-- which calendars would ignore as stale.
CREATE TABLE reminder_exports (
    target        TEXT NOT NULL,
    uid           TEXT NOT NULL,
    case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    content       TEXT NOT NULL,
    hash          TEXT NOT NULL,
    sequence      INTEGER NOT NULL DEFAULT 0,
    last_modified TEXT NOT NULL,
    cancelled_at  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (target, uid)
);
CREATE INDEX reminder_exports_case ON reminder_exports (target, case_id);
