-- The working group's workbench: action plans (one per conversation, the plan as JSON), meeting close-outs (one per
-- meeting occurrence) and the activity the council's figures count (one row per conversation, kind, subject and UTC day).
CREATE TABLE IF NOT EXISTS plans (
    conversation_id text PRIMARY KEY,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    plan            jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS meeting_close_outs (
    meeting_id      text NOT NULL,
    occurrence      timestamptz NOT NULL,
    conversation_id text NOT NULL,
    closed_by       text NULL,
    step            text NOT NULL,
    minutes_link    text NULL,
    attendees       integer NULL,
    organisations   jsonb NOT NULL,
    decisions       jsonb NOT NULL,
    started_at      timestamptz NOT NULL,
    closed_at       timestamptz NULL,
    PRIMARY KEY (meeting_id, occurrence)
);
CREATE INDEX IF NOT EXISTS meeting_close_outs_conversation ON meeting_close_outs (conversation_id);
CREATE TABLE IF NOT EXISTS activity (
    conversation_id text NOT NULL,
    kind            text NOT NULL,
    subject         text NOT NULL,
    day             date NOT NULL,
    at              timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, kind, subject, day)
);
