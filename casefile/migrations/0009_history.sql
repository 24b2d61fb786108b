-- 0009: when things were said, every change kept, promises given more time.

-- Promises and tickets are dated when they were said (at), not when they
-- were typed (created_at stays). One said in a contact takes the contact's
-- time; one logged on its own took the time it was typed, the best there is.
ALTER TABLE promises ADD COLUMN at TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN at TEXT NOT NULL DEFAULT '';
UPDATE promises SET at = coalesce((SELECT c.at FROM contacts c WHERE c.id = promises.contact_id), created_at);
UPDATE tickets SET at = coalesce((SELECT c.at FROM contacts c WHERE c.id = tickets.contact_id), created_at);
CREATE INDEX tickets_case_at ON tickets (case_id, at);

-- When the company asks for more time: each extension moves a promise's due
-- date from one date to the next, so a promise keeps every date it was given
-- ("first promised for 20 Nov, then 27 Nov, now 4 Dec"). A correction of a
-- mistyped date (promise edit --due) is not an extension and is not kept
-- here; the history keeps it.
CREATE TABLE promise_extensions (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    promise_id INTEGER NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
    from_due   TEXT NOT NULL,
    to_due     TEXT NOT NULL CHECK (to_due <> ''),
    by_rep     TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
);
CREATE INDEX promise_extensions_promise ON promise_extensions (promise_id, id);
CREATE INDEX promise_extensions_case ON promise_extensions (case_id, id);

-- Every change to a case file, in the same transaction as the change: one
-- row per entry touched, with the entry's row before and after as JSON
-- objects of its columns ('' for "did not exist": old of a creation, new
-- of a deletion). The rows one command wrote share a change number; undo
-- reverts a whole change and records itself as a new change whose rows
-- name the change they undo. No foreign key to cases: the history of a
-- case whose creation was undone stays.
CREATE TABLE history (
    id       INTEGER PRIMARY KEY,
    change   INTEGER NOT NULL,
    case_id  INTEGER NOT NULL,
    at       TEXT NOT NULL,
    command  TEXT NOT NULL DEFAULT '',
    kind     TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    old      TEXT NOT NULL DEFAULT '',
    new      TEXT NOT NULL DEFAULT '',
    undoes   INTEGER
);
CREATE INDEX history_change ON history (change);
CREATE INDEX history_case ON history (case_id, change);
CREATE INDEX history_undoes ON history (undoes) WHERE undoes IS NOT NULL;
