namespace RecipeBot.Core.Channels;

/// <summary>One inbound delivery: its ordering number (Telegram's update_id), its partition key (the chat) and the raw payload.</summary>
public sealed record InboxItem(long Sequence, string Partition, string Payload, int Attempts = 0);
