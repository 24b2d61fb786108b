-- 0001: the first case file schema.
-- Times are UTC RFC 3339 text; due dates are either YYYY-MM-DD (date-only)
-- or RFC 3339 (date-time). Empty text means "not given", never NULL, so
-- scanning stays simple; optional links (contact_id) are NULL when absent.

CREATE TABLE cases (
    id                INTEGER PRIMARY KEY,
    title             TEXT NOT NULL CHECK (title <> ''),
    company           TEXT NOT NULL DEFAULT '',
    product           TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL DEFAULT 'other',
    problem           TEXT NOT NULL DEFAULT '',
    outcome           TEXT NOT NULL DEFAULT '',
    fallback          TEXT NOT NULL DEFAULT '',
    amount            TEXT NOT NULL DEFAULT '',
    currency          TEXT NOT NULL DEFAULT '',
    purchase_date     TEXT NOT NULL DEFAULT '',
    return_window_end TEXT NOT NULL DEFAULT '',
    warranty_end      TEXT NOT NULL DEFAULT '',
    jurisdiction      TEXT NOT NULL DEFAULT 'other',
    lang              TEXT NOT NULL DEFAULT 'en',
    status            TEXT NOT NULL DEFAULT 'open',
    opened_at         TEXT NOT NULL,
    closed_at         TEXT NOT NULL DEFAULT '',
    final_outcome     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_status ON cases (status, id);
CREATE INDEX cases_company ON cases (company COLLATE NOCASE, id);

CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    channel    TEXT NOT NULL,
    at         TEXT NOT NULL,
    duration_s INTEGER NOT NULL DEFAULT 0,
    rep        TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    summary    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_case ON contacts (case_id, at);

CREATE TABLE promises (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    text       TEXT NOT NULL CHECK (text <> ''),
    by_rep     TEXT NOT NULL DEFAULT '',
    due        TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'pending',
    confirmed  INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    settled_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX promises_case ON promises (case_id, status, due);
CREATE INDEX promises_contact ON promises (contact_id);

CREATE TABLE tickets (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    number     TEXT NOT NULL CHECK (number <> ''),
    label      TEXT NOT NULL DEFAULT '',
    expected   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX tickets_case ON tickets (case_id, created_at);
CREATE INDEX tickets_contact ON tickets (contact_id);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    kind       TEXT NOT NULL DEFAULT 'timeline',
    text       TEXT NOT NULL CHECK (text <> ''),
    source_url TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL
);
CREATE INDEX notes_case ON notes (case_id, at);
CREATE INDEX notes_contact ON notes (contact_id);

-- Account references are deliberately outside the search index: they are
-- identifiers, not prose, and a search snippet must never print one.
CREATE TABLE account_refs (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    label      TEXT NOT NULL CHECK (label <> ''),
    value      TEXT NOT NULL CHECK (value <> ''),
    created_at TEXT NOT NULL
);
CREATE INDEX account_refs_case ON account_refs (case_id);

-- One full-text index over every free-text field. Triggers keep it in step
-- inside the same transaction as the row change, so it can never drift. The
-- index row id encodes its source (row id * 8 + source code: case 1, contact
-- 2, promise 3, ticket 4, note 5; later migrations add more), so an update finds its row by id instead
-- of scanning the index.
-- unicode61 splits on spaces; Korean words carry particles (환불을), so the
-- store searches with prefix terms (환불*) rather than a trigram tokenizer,
-- which cannot match the many two-syllable Korean words.
CREATE VIRTUAL TABLE search USING fts5 (
    body,
    case_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER cases_ai AFTER INSERT ON cases BEGIN
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 1, concat_ws(' ', new.title, new.company, new.product, new.problem, new.outcome, new.fallback, new.final_outcome), new.id);
END;
CREATE TRIGGER cases_au AFTER UPDATE ON cases BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 1;
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 1, concat_ws(' ', new.title, new.company, new.product, new.problem, new.outcome, new.fallback, new.final_outcome), new.id);
END;
CREATE TRIGGER cases_ad AFTER DELETE ON cases BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 1;
END;

CREATE TRIGGER contacts_ai AFTER INSERT ON contacts BEGIN
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 2, concat_ws(' ', new.rep, new.department, new.summary), new.case_id);
END;
CREATE TRIGGER contacts_au AFTER UPDATE ON contacts BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 2;
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 2, concat_ws(' ', new.rep, new.department, new.summary), new.case_id);
END;
CREATE TRIGGER contacts_ad AFTER DELETE ON contacts BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 2;
END;

CREATE TRIGGER promises_ai AFTER INSERT ON promises BEGIN
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 3, concat_ws(' ', new.text, new.by_rep), new.case_id);
END;
CREATE TRIGGER promises_au AFTER UPDATE OF text, by_rep ON promises BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 3;
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 3, concat_ws(' ', new.text, new.by_rep), new.case_id);
END;
CREATE TRIGGER promises_ad AFTER DELETE ON promises BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 3;
END;

CREATE TRIGGER tickets_ai AFTER INSERT ON tickets BEGIN
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 4, concat_ws(' ', new.number, new.label), new.case_id);
END;
CREATE TRIGGER tickets_au AFTER UPDATE OF number, label ON tickets BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 4;
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 4, concat_ws(' ', new.number, new.label), new.case_id);
END;
CREATE TRIGGER tickets_ad AFTER DELETE ON tickets BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 4;
END;

CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 5, concat_ws(' ', new.text, new.source_url), new.case_id);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF text, source_url ON notes BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 5;
    INSERT INTO search (rowid, body, case_id) VALUES (new.id * 8 + 5, concat_ws(' ', new.text, new.source_url), new.case_id);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    DELETE FROM search WHERE rowid = old.id * 8 + 5;
END;
