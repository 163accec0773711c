-- Web chat transcripts: one row per activity, numbered 1, 2, 3 … within its conversation (the watermark).
CREATE TABLE IF NOT EXISTS webchat_activities (
    conversation_id text NOT NULL,
    watermark       bigint NOT NULL,
    activity_id     text NOT NULL,
    activity        text NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (conversation_id, watermark),
    UNIQUE (conversation_id, activity_id)
);
