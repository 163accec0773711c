namespace RecipeBot.Storage.Tests.Support;

/// <summary>
/// The SQL the stores ran at every start before the schema became migrations (copied from that version's stores),
/// with a row in every table: a file as existing users have it.
/// </summary>
internal static class PreMigrationSchema
{
    public const string Sql = """
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
        INSERT INTO conversations (id, language, role, phase, state, history, situations_seen, recipes_given, turns, created_at, updated_at, time_zone, offered)
        VALUES ('telegram:7', 'ru', 'activist', 'contact', 'contact', 'language
        role', 'contact/trust-conflict', '', 3, '2026-01-01T00:00:00.0000000+00:00', '2026-01-02T00:00:00.0000000+00:00', 'Europe/Tallinn', 'mtg:list');
        INSERT INTO outbox (conversation_id, message, created_at)
        VALUES ('telegram:7', '{"ConversationId":"telegram:7","Text":"Tere!","Choices":[],"Recipes":[],"State":"contact","Language":"et"}', '2026-01-02T00:00:00Z');
        INSERT INTO inbox (channel, sequence, partition, payload, received_at) VALUES ('telegram', 501, 'telegram:7', '{"update_id":501}', '2026-01-02T00:00:00Z');
        INSERT INTO chats (id, active, updated_at) VALUES ('telegram:8', 0, '2026-01-02T00:00:00Z');
        INSERT INTO cursors (name, value) VALUES ('telegram:offset', 502);
        INSERT INTO conversation_references (id, channel_id, service_url, conversation_id, updated_at) VALUES ('teams:a:1', 'msteams', 'https://smba.example/', 'a:1', '2026-01-02T00:00:00Z');
        INSERT INTO meetings (id, conversation_id, rrule, start_time, first_date, time_zone, status, language, created_at, updated_at)
        VALUES ('m1', 'telegram:7', 'FREQ=WEEKLY;BYDAY=TU', '18:00', '2026-12-08', 'Europe/Tallinn', 'active', 'et', '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z');
        INSERT INTO notification_ledger (key, owner_id, due_at, status, updated_at) VALUES ('m1/20261208T1600Z/lead-1h', 'w', '2026-12-08T15:00:00.0000000Z', 'pending', '2026-01-01T00:00:00.0000000Z');
        """;
}
