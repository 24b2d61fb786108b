-- 0005: the escalation ladder. Each row is a step the customer took
-- (frontline, supervisor, formal complaint, executive or public channel,
-- regulator or chargeback) with its date, and optionally the company's
-- answer at that step (refused, final response): the history `redress next`
-- decides from. Additive: a new table only, nothing existing changes.
CREATE TABLE escalations (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    step    TEXT NOT NULL CHECK (step <> ''),
    answer  TEXT NOT NULL DEFAULT '',
    note    TEXT NOT NULL DEFAULT '',
    at      TEXT NOT NULL
);
CREATE INDEX escalations_case ON escalations (case_id, at);
