-- Web chat transcripts: one row per activity, numbered 1, 2, 3 … within its conversation (the watermark).
CREATE TABLE IF NOT EXISTS webchat_activities (
    conversation_id TEXT NOT NULL,
    watermark       INTEGER NOT NULL,
    activity_id     TEXT NOT NULL,
    activity        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (conversation_id, watermark),
    UNIQUE (conversation_id, activity_id)
);
