using RecipeBot.Core.Content;
using RecipeBot.Core.Conversations;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Dialogs;

/// <summary>
/// Phone-sized answers: one recipe at a time, the next one for a follow-up, cards on their own, and the role asked
/// before a situation whose answer depends on it.
/// </summary>
public sealed partial class MenuDialog
{
    /// <summary>A recipe's steps, with its own buttons; it counts as given from now on.</summary>
    private OutgoingMessage ShowRecipe(Conversation conversation, string recipeId, string? lead = null)
    {
        var state = _flow[conversation.State];
        var (text, choices) = state.RecipeView(recipeId, conversation.Language, conversation.Role)
            ?? state.RecipeView(recipeId, conversation.Language, null)!.Value;
        AddOnce(conversation.RecipesGiven, recipeId);
        return new OutgoingMessage(
            conversation.Id, lead is null ? text : lead + "\n\n" + text, choices, [recipeId], state.Id, conversation.Language);
    }

    /// <summary>
    /// The same situation asked about again: the first of its recipes not opened yet, or, when all were, a short word
    /// and the buttons — never the whole overview again.
    /// </summary>
    private OutgoingMessage FollowUp(Conversation conversation)
    {
        var state = _flow[conversation.State];
        var next = state.OverviewRecipes(conversation.Role).FirstOrDefault(id => !conversation.RecipesGiven.Contains(id));
        return next is null
            ? _replies.Prompt(conversation, _replies.Say(conversation, TextKeys.AllRecipesGiven))
            : ShowRecipe(conversation, next, _replies.Say(conversation, TextKeys.NextRecipe));
    }

    private OutgoingMessage ShowMethod(Conversation conversation, MethodCard card) =>
        _replies.Prompt(conversation, ReplyTexts.MethodCard(card, conversation.Language, _flow.Content));

    private OutgoingMessage ShowCard(Conversation conversation, ReferenceCard card) =>
        _replies.Prompt(conversation, ReplyTexts.Card(card, conversation.Language, _flow.Content));

    /// <summary>"Who are you?" before a situation whose recipes differ by role; each button carries the situation.</summary>
    private OutgoingMessage AskRole(Conversation conversation, string situationId)
    {
        var choices = Roles.All
            .Select(role => new ChoiceView(new RoleButton(role, situationId).Id, _replies.Say(conversation, RoleLabelKey(role))))
            .ToList();
        return Replies.Own(conversation, _replies.Say(conversation, TextKeys.AskRoleFirst), choices);
    }

    /// <summary>The label of a "who are you?" button, so that a typed number or role means it; null for other ids.</summary>
    public string? RoleLabelOf(Conversation conversation, string id) =>
        RoleButton.TryParse(id, out var button) && Roles.All.Contains(button.Role) ? _replies.Say(conversation, RoleLabelKey(button.Role)) : null;

    private static string RoleLabelKey(string role) => "role-" + role;

    /// <summary>A role button pressed (now or later): the role is kept and the situation shown for it.</summary>
    private async ValueTask<OutgoingMessage?> RoleChosenAsync(DialogTurn turn, RoleButton button)
    {
        if (!Roles.All.Contains(button.Role) || _flow.StateOf(button.Situation) is not { } target)
        {
            return null;
        }

        turn.Conversation.Role = button.Role;
        return await FireAsync(turn, CompiledFlow.DiagnosedTrigger, target).ConfigureAwait(false);
    }

    /// <summary>A method named in a short message ("mis on maailmakohvik?"): its card.</summary>
    private MethodCard? NamedMethod(string text)
    {
        var normalized = " " + TextNormalizer.Normalize(text) + " ";
        if (normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxWordsAroundAName)
        {
            return null;
        }

        return _flow.Content.Methods.FirstOrDefault(m => m.Names.Any(name => normalized.Contains(" " + TextNormalizer.Normalize(name), StringComparison.Ordinal)));
    }

    /// <summary>Longer messages name a method in passing; the classifier reads those.</summary>
    private const int MaxWordsAroundAName = 8;
}
