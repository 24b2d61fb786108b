-- 0012: stored reminders. Each case's reminders, as the rules (package
-- reminders) make them, kept beside the entries they come from, so that
-- `remind list` is one indexed range query and `remind export` reconciles
-- with reminder_exports in SQL instead of running every rule over every
-- open case on every call.
--
-- A row is one reminder: its UID (as in the calendar), its day or moment
-- (at, as stored dates are; start, the Unix second it begins in the zone
-- of the stamp, for ordering and ranges), whether it stays listed once
-- overdue (listed_overdue: its cause is still open), its texts, and the
-- SHA-256 hash of the JSON an export records of it (reminder_exports'
-- hash), so an export compares hashes in SQL. A rowid table: a heavy
-- case's descriptions are long.
CREATE TABLE case_reminders (
    uid            TEXT NOT NULL UNIQUE,
    case_id        INTEGER NOT NULL,
    rule           TEXT NOT NULL,
    entry_id       INTEGER NOT NULL DEFAULT 0,
    at             TEXT NOT NULL,
    start          INTEGER NOT NULL,
    listed_overdue INTEGER NOT NULL DEFAULT 0,
    lang           TEXT NOT NULL,
    summary        TEXT NOT NULL,
    description    TEXT NOT NULL,
    next           TEXT NOT NULL,
    hash           TEXT NOT NULL
);
-- Soonest first, as every list and export orders them.
CREATE INDEX case_reminders_start ON case_reminders (start, case_id, uid);
CREATE INDEX case_reminders_case ON case_reminders (case_id, start, uid);
-- The overdue ones a list still shows: a range of this small index.
CREATE INDEX case_reminders_overdue ON case_reminders (start, case_id, uid) WHERE listed_overdue;

-- The rows are valid for one time zone and one version of the rules (and
-- of their words and the rights table): the stamp names both. An empty
-- stamp (as this migration leaves it) means the rows must be rebuilt
-- before they are read, which the first reminders command does.
CREATE TABLE case_reminders_stamp (stamp TEXT NOT NULL);
INSERT INTO case_reminders_stamp (stamp) VALUES ('');

-- The cases whose reminders are out of date: every change to what the
-- rules read marks its case here (these triggers, so no write path can
-- forget), and the transaction of the change rewrites that case's rows
-- before it commits, or, with no rules at hand, leaves the mark for the
-- next reminders command.
CREATE TABLE case_reminders_dirty (case_id INTEGER PRIMARY KEY);

CREATE TRIGGER case_reminders_cases_ai AFTER INSERT ON cases BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (new.id);
END;
CREATE TRIGGER case_reminders_cases_au AFTER UPDATE ON cases BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.id), (new.id);
END;
CREATE TRIGGER case_reminders_cases_ad AFTER DELETE ON cases BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.id);
END;
CREATE TRIGGER case_reminders_contacts_ai AFTER INSERT ON contacts BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (new.case_id);
END;
CREATE TRIGGER case_reminders_contacts_au AFTER UPDATE ON contacts BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.case_id), (new.case_id);
END;
CREATE TRIGGER case_reminders_contacts_ad AFTER DELETE ON contacts BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.case_id);
END;
CREATE TRIGGER case_reminders_promises_ai AFTER INSERT ON promises BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (new.case_id);
END;
CREATE TRIGGER case_reminders_promises_au AFTER UPDATE ON promises BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.case_id), (new.case_id);
END;
CREATE TRIGGER case_reminders_promises_ad AFTER DELETE ON promises BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.case_id);
END;
CREATE TRIGGER case_reminders_tickets_ai AFTER INSERT ON tickets BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (new.case_id);
END;
CREATE TRIGGER case_reminders_tickets_au AFTER UPDATE ON tickets BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.case_id), (new.case_id);
END;
CREATE TRIGGER case_reminders_tickets_ad AFTER DELETE ON tickets BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.case_id);
END;
CREATE TRIGGER case_reminders_escalations_ai AFTER INSERT ON escalations BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (new.case_id);
END;
CREATE TRIGGER case_reminders_escalations_au AFTER UPDATE ON escalations BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.case_id), (new.case_id);
END;
CREATE TRIGGER case_reminders_escalations_ad AFTER DELETE ON escalations BEGIN
    INSERT OR IGNORE INTO case_reminders_dirty (case_id) VALUES (old.case_id);
END;
-- Every UID ends in the case file's id: a new id (an import adopting the
-- exported file's) makes every row stale.
CREATE TRIGGER case_reminders_file_id AFTER UPDATE OF file_id ON file_info BEGIN
    UPDATE case_reminders_stamp SET stamp = '';
END;
