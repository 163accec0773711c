using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using RecipeBot.Scheduling;

namespace RecipeBot.Core.Dialogs;

/// <summary>What every dialog says with: texts in the conversation's language, the current state's question, the clock.</summary>
public sealed class Replies(CompiledFlow flow, TimeProvider time)
{
    public CompiledFlow Flow => flow;

    public DateTimeOffset Now => time.GetUtcNow();

    public string Say(Conversation conversation, string key) => flow.Content.Text(key, conversation.Language);

    public string Say(Conversation conversation, string key, params ReadOnlySpan<(string Name, string Value)> values) =>
        TextTemplate.Render(flow.Content.Text(key, conversation.Language), values);

    /// <summary>The current state's whole message: its question, or the overview of its situation's recipes.</summary>
    public OutgoingMessage Full(Conversation conversation)
    {
        var state = flow[conversation.State];
        return new OutgoingMessage(
            conversation.Id,
            state.FullText(conversation.Language, conversation.Role),
            state.ShownChoices(conversation.Language, conversation.Role),
            state.OverviewRecipes(conversation.Role),
            state.Id,
            conversation.Language);
    }

    /// <summary><paramref name="before"/>, then the current state's question with its choices.</summary>
    public OutgoingMessage Prompt(Conversation conversation, string before)
    {
        var state = flow[conversation.State];
        return new OutgoingMessage(
            conversation.Id,
            before + "\n\n" + state.Prompt(conversation.Language),
            state.ShownChoices(conversation.Language, conversation.Role),
            [],
            state.Id,
            conversation.Language);
    }

    /// <summary>A dialog's own question with its own buttons; the conversation stays in its state.</summary>
    public static OutgoingMessage Own(Conversation conversation, string text, IReadOnlyList<ChoiceView> choices, ScheduleView? schedule = null) =>
        new(conversation.Id, text, choices, [], conversation.State, conversation.Language, schedule);

    /// <summary>Not understood: a hint the first time, the menu the second.</summary>
    public OutgoingMessage Miss(Conversation conversation, string hintKey = TextKeys.NotUnderstood)
    {
        conversation.Misses++;
        if (conversation.Misses < 2)
        {
            return Prompt(conversation, Say(conversation, hintKey));
        }

        conversation.Misses = 0;
        if (flow[conversation.State].Situation is not null)
        {
            // The overview is already above: its buttons again, not its text.
            return Prompt(conversation, Say(conversation, TextKeys.ShowingMenu));
        }

        var menu = Full(conversation);
        return menu with { Text = Say(conversation, TextKeys.ShowingMenu) + "\n\n" + menu.Text };
    }

    public static string ZoneOf(Conversation conversation) => conversation.TimeZone ?? MeetingSchedule.DefaultTimeZone;

    /// <summary>Today in the conversation's time zone.</summary>
    public DateOnly Today(Conversation conversation) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById(ZoneOf(conversation))).DateTime);
}
