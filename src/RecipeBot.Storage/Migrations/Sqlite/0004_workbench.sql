-- The working group's workbench: action plans (one per conversation, the plan as JSON), meeting close-outs (one per
-- meeting occurrence) and the activity the council's figures count (one row per conversation, kind, subject and UTC day).
-- Versions before this script created these tables at start-up, so a file may have them already.
CREATE TABLE IF NOT EXISTS plans (
    conversation_id TEXT PRIMARY KEY,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    plan            TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meeting_close_outs (
    meeting_id      TEXT NOT NULL,
    occurrence      TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    closed_by       TEXT NULL,
    step            TEXT NOT NULL,
    minutes_link    TEXT NULL,
    attendees       INTEGER NULL,
    organisations   TEXT NOT NULL,
    decisions       TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    closed_at       TEXT NULL,
    PRIMARY KEY (meeting_id, occurrence)
);
CREATE INDEX IF NOT EXISTS meeting_close_outs_conversation ON meeting_close_outs (conversation_id);
CREATE TABLE IF NOT EXISTS activity (
    conversation_id TEXT NOT NULL,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    day             TEXT NOT NULL,
    at              TEXT NOT NULL,
    PRIMARY KEY (conversation_id, kind, subject, day)
);
