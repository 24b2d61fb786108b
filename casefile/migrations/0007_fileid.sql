-- 0007: the case file's own id, made at random once: when the file is
-- created (every migration runs then) or when an older file is brought up
-- to date. Calendar UIDs carry it (case-3-promise-7-due@<id>.redress) so
-- two case files pushed into one calendar never touch each other's events.
-- A backup is a page copy and keeps it; export and import carry it.
-- Additive: a new one-row table only.
CREATE TABLE file_info (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    file_id TEXT NOT NULL CHECK (length(file_id) = 16)
);
INSERT INTO file_info (one, file_id) VALUES (1, lower(hex(randomblob(8))));
