using System.Globalization;
using Microsoft.Data.Sqlite;
using RecipeBot.Core.Channels;

namespace RecipeBot.Storage.Sqlite;

/// <summary>Conversation references in the bot's SQLite file: one row per conversation, replaced on every authenticated activity.</summary>
public sealed partial class SqliteConversationReferenceStore : IConversationReferenceStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _find;

    public SqliteConversationReferenceStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _save = database.Prepare(
            """
            INSERT INTO conversation_references
                (id, channel_id, service_url, conversation_id, bot_id, bot_name, user_id, user_name, tenant_id, conversation_type, updated_at)
            VALUES ($id, $channel, $service, $conversation, $bot, $botName, $user, $userName, $tenant, $type, $at)
            ON CONFLICT (id) DO UPDATE SET
                channel_id = excluded.channel_id, service_url = excluded.service_url,
                conversation_id = excluded.conversation_id, bot_id = excluded.bot_id, bot_name = excluded.bot_name,
                user_id = excluded.user_id, user_name = excluded.user_name, tenant_id = excluded.tenant_id,
                conversation_type = excluded.conversation_type, updated_at = excluded.updated_at
            """,
            "$id", "$channel", "$service", "$conversation", "$bot", "$botName", "$user", "$userName", "$tenant", "$type", "$at");
        _find = database.Prepare(
            "SELECT channel_id, service_url, conversation_id, bot_id, bot_name, user_id, user_name, tenant_id, conversation_type FROM conversation_references WHERE id = $id",
            "$id");
        (_delete, _forgetUser) = PreparePersonalData(database);
    }

    public ValueTask SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _database.UseAsync(
            () =>
            {
                var p = _save.Parameters;
                p[0].Value = reference.Id;
                p[1].Value = reference.ChannelId;
                p[2].Value = reference.ServiceUrl;
                p[3].Value = reference.ConversationId;
                p[4].Value = Nullable(reference.BotId);
                p[5].Value = Nullable(reference.BotName);
                p[6].Value = Nullable(reference.UserId);
                p[7].Value = Nullable(reference.UserName);
                p[8].Value = Nullable(reference.TenantId);
                p[9].Value = Nullable(reference.ConversationType);
                p[10].Value = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                _save.ExecuteNonQuery();
            },
            cancellationToken);
    }

    public ValueTask<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        _database.UseAsync<ConversationReference?>(
            () =>
            {
                _find.Parameters[0].Value = conversationId;
                using var reader = _find.ExecuteReader();
                if (!reader.Read())
                {
                    return null;
                }

                return new ConversationReference(
                    conversationId,
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    Text(reader, 3),
                    Text(reader, 4),
                    Text(reader, 5),
                    Text(reader, 6),
                    Text(reader, 7),
                    Text(reader, 8));
            },
            cancellationToken);

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
