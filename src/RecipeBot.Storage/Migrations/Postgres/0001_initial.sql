-- The bot's tables on PostgreSQL: the same rows as in the SQLite file, in PostgreSQL's own types.
CREATE TABLE conversations (
    id              text PRIMARY KEY,
    language        text NOT NULL,
    role            text NULL,
    phase           text NULL,
    state           text NOT NULL,
    history         text[] NOT NULL,
    situations_seen text[] NOT NULL,
    recipes_given   text[] NOT NULL,
    deliveries      text[] NOT NULL,
    clarification   text[] NOT NULL,
    misses          integer NOT NULL,
    turns           integer NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    time_zone       text NULL,
    schedule_draft  text NULL,
    offered         text[] NOT NULL,
    failures        integer NOT NULL
);

CREATE TABLE outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id text NOT NULL,
    message         text NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    -- Unix milliseconds, as in the SQLite file: a row is due when this is at or before now.
    not_before      bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL
);
CREATE INDEX outbox_by_conversation ON outbox (conversation_id, id);

CREATE TABLE chats (
    id          text PRIMARY KEY,
    active      boolean NOT NULL,
    migrated_to text NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE cursors (
    name  text PRIMARY KEY,
    value bigint NOT NULL
);

CREATE TABLE inbox (
    channel     text NOT NULL,
    sequence    bigint NOT NULL,
    partition   text NOT NULL,
    payload     text NOT NULL,
    attempts    integer NOT NULL DEFAULT 0,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (channel, sequence)
);

CREATE TABLE conversation_references (
    id                text PRIMARY KEY,
    channel_id        text NOT NULL,
    service_url       text NOT NULL,
    conversation_id   text NOT NULL,
    bot_id            text NULL,
    bot_name          text NULL,
    user_id           text NULL,
    user_name         text NULL,
    tenant_id         text NULL,
    conversation_type text NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE meetings (
    id              text PRIMARY KEY,
    conversation_id text NOT NULL,
    created_by      text NULL,
    rrule           text NOT NULL,
    start_time      time NOT NULL,
    first_date      date NOT NULL,
    time_zone       text NOT NULL,
    title           text NULL,
    place           text NULL,
    status          text NOT NULL,
    language        text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX meetings_conversation ON meetings (conversation_id);

CREATE TABLE next_steps (
    conversation_id text NOT NULL,
    situation_id    text NOT NULL,
    due_at          timestamptz NOT NULL,
    language        text NOT NULL,
    PRIMARY KEY (conversation_id, situation_id)
);

CREATE TABLE notification_ledger (
    key        text PRIMARY KEY,
    owner_id   text NOT NULL,
    due_at     timestamptz NOT NULL,
    status     text NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX notification_ledger_status ON notification_ledger (status);
