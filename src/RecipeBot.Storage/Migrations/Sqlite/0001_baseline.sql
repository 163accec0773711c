-- The schema as the versions before migrations made it (CREATE TABLE IF NOT EXISTS at every start): on a file made
-- by one of them this only adds the tables it lacks; 0002 adds the columns.
CREATE TABLE IF NOT EXISTS conversations (
    id              TEXT PRIMARY KEY,
    language        TEXT NOT NULL,
    role            TEXT NULL,
    phase           TEXT NULL,
    state           TEXT NOT NULL,
    history         TEXT NOT NULL,
    situations_seen TEXT NOT NULL,
    recipes_given   TEXT NOT NULL,
    deliveries      TEXT NOT NULL DEFAULT '',
    clarification   TEXT NOT NULL DEFAULT '',
    misses          INTEGER NOT NULL DEFAULT 0,
    turns           INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    time_zone       TEXT NULL,
    schedule_draft  TEXT NULL,
    offered         TEXT NOT NULL DEFAULT '',
    failures        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    message         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    not_before      INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_by_conversation ON outbox (conversation_id, id);

CREATE TABLE IF NOT EXISTS chats (
    id          TEXT PRIMARY KEY,
    active      INTEGER NOT NULL,
    migrated_to TEXT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS cursors (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS inbox (
    channel     TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    partition   TEXT NOT NULL,
    payload     TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL,
    PRIMARY KEY (channel, sequence)
);

CREATE TABLE IF NOT EXISTS conversation_references (
    id                TEXT PRIMARY KEY,
    channel_id        TEXT NOT NULL,
    service_url       TEXT NOT NULL,
    conversation_id   TEXT NOT NULL,
    bot_id            TEXT NULL,
    bot_name          TEXT NULL,
    user_id           TEXT NULL,
    user_name         TEXT NULL,
    tenant_id         TEXT NULL,
    conversation_type TEXT NULL,
    updated_at        TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS meetings (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    created_by      TEXT NULL,
    rrule           TEXT NOT NULL,
    start_time      TEXT NOT NULL,
    first_date      TEXT NOT NULL,
    time_zone       TEXT NOT NULL,
    title           TEXT NULL,
    place           TEXT NULL,
    status          TEXT NOT NULL,
    language        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS meetings_conversation ON meetings (conversation_id);

CREATE TABLE IF NOT EXISTS next_steps (
    conversation_id TEXT NOT NULL,
    situation_id    TEXT NOT NULL,
    due_at          TEXT NOT NULL,
    language        TEXT NOT NULL,
    PRIMARY KEY (conversation_id, situation_id)
);

CREATE TABLE IF NOT EXISTS notification_ledger (
    key        TEXT PRIMARY KEY,
    owner_id   TEXT NOT NULL,
    due_at     TEXT NOT NULL,
    status     TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notification_ledger_status ON notification_ledger (status);
