-- 0006: evidence. Photos, receipts and emails are kept inside the case
-- file itself, so one file stays one backup, consistent and atomic.
-- Content is stored once per SHA-256 (blobs); each attachment to a case is
-- an evidence row that names its blob, with the file's original name, its
-- media type, when the thing it shows happened (at) and when it was added.
-- Additive: two new tables, nothing existing changes.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size   INTEGER NOT NULL CHECK (size >= 0),
    data   BLOB NOT NULL
);

CREATE TABLE evidence (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    sha256     TEXT NOT NULL REFERENCES blobs (sha256),
    name       TEXT NOT NULL CHECK (name <> ''),
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL CHECK (size >= 0),
    note       TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,
    added_at   TEXT NOT NULL
);
CREATE INDEX evidence_case ON evidence (case_id, at);
CREATE INDEX evidence_blob ON evidence (sha256);
