-- 0002: what the nine-tip preparation records about a case, beyond the
-- case fields, notes and references it also fills. One row per case,
-- created on the first prep answer.

CREATE TABLE case_prep (
    case_id            INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    -- tip 2: what is at hand ('yes', 'no' or '' for not asked). A PIN or
    -- password is only ever a yes/no: secrets are never stored.
    have_receipt       TEXT NOT NULL DEFAULT '',
    have_photos        TEXT NOT NULL DEFAULT '',
    have_secret        TEXT NOT NULL DEFAULT '',
    -- tip 4
    opening_line       TEXT NOT NULL DEFAULT '',
    -- tip 5: the store's policy, from which the window ends are derived
    return_days        INTEGER NOT NULL DEFAULT 0,
    warranty_months    INTEGER NOT NULL DEFAULT 0,
    policy_docs        TEXT NOT NULL DEFAULT '',
    -- tip 6: when to ask for a supervisor, and how
    escalate_trigger   TEXT NOT NULL DEFAULT '',
    supervisor_line    TEXT NOT NULL DEFAULT '',
    -- tip 7
    will_record        TEXT NOT NULL DEFAULT '',
    record_line        TEXT NOT NULL DEFAULT '',
    -- tip 8: comma-separated keys of what to ask before hanging up
    ask                TEXT NOT NULL DEFAULT '',
    -- tip 9: other channels to try next
    channel_email      TEXT NOT NULL DEFAULT '',
    channel_chat       TEXT NOT NULL DEFAULT '',
    channel_social     TEXT NOT NULL DEFAULT '',
    channel_review     TEXT NOT NULL DEFAULT '',
    channel_regulator  TEXT NOT NULL DEFAULT ''
);

-- Which of the nine steps were answered or skipped, and when.
CREATE TABLE prep_steps (
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    step    INTEGER NOT NULL CHECK (step BETWEEN 1 AND 9),
    status  TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
    at      TEXT NOT NULL,
    PRIMARY KEY (case_id, step)
);

-- Opening lines, supervisor lines and channels are free text worth finding.
CREATE TRIGGER case_prep_ai AFTER INSERT ON case_prep BEGIN
    INSERT INTO search (rowid, body, case_id) VALUES (new.case_id * 8 + 6,
        concat_ws(' ', new.opening_line, new.policy_docs, new.supervisor_line, new.channel_email,
            new.channel_chat, new.channel_social, new.channel_review, new.channel_regulator), new.case_id);
END;
CREATE TRIGGER case_prep_au AFTER UPDATE ON case_prep BEGIN
    DELETE FROM search WHERE rowid = old.case_id * 8 + 6;
    INSERT INTO search (rowid, body, case_id) VALUES (new.case_id * 8 + 6,
        concat_ws(' ', new.opening_line, new.policy_docs, new.supervisor_line, new.channel_email,
            new.channel_chat, new.channel_social, new.channel_review, new.channel_regulator), new.case_id);
END;
CREATE TRIGGER case_prep_ad AFTER DELETE ON case_prep BEGIN
    DELETE FROM search WHERE rowid = old.case_id * 8 + 6;
END;
