using System.Text;
using RecipeBot.Core.Content;
using RecipeBot.Core.Flow;

namespace RecipeBot.Core.Loading;

/// <summary>The flow's checks: every state's choices lead somewhere that exists, and every state can be reached.</summary>
internal static partial class ContentValidator
{
    private static void ValidateFlow(ContentSet content, Action<SourceLocation, string> report)
    {
        var flow = content.Flow;
        var states = new Dictionary<string, FlowState>(StringComparer.Ordinal);
        foreach (var state in flow.States)
        {
            if (!states.TryAdd(state.Id, state))
            {
                report(state.Location, $"duplicate state id '{state.Id}' (also at {states[state.Id].Location})");
            }
        }

        if (!states.ContainsKey(flow.Start))
        {
            report(flow.Location, $"the start state '{flow.Start}' does not exist");
        }

        foreach (var state in flow.States)
        {
            ValidateState(state, content, states, report);
        }

        var reachable = Reachable(flow, states);
        foreach (var unreachable in flow.States.Where(s => !reachable.Contains(s.Id)).DistinctBy(s => s.Id))
        {
            report(unreachable.Location, $"state '{unreachable.Id}' is unreachable: no choice leads to it from the start state '{flow.Start}'");
        }

        var shown = flow.States.Where(s => s.SituationId is not null).Select(s => s.SituationId!).ToHashSet(StringComparer.Ordinal);
        foreach (var situation in content.Situations.Where(s => !shown.Contains(s.Id)))
        {
            foreach (var recipe in situation.Recipes)
            {
                report(recipe.Location, $"recipe '{recipe.Id}' is offered by no state: no state in flow.yaml shows situation '{situation.Id}'");
            }
        }
    }

    private static void ValidateState(FlowState state, ContentSet content, Dictionary<string, FlowState> states, Action<SourceLocation, string> report)
    {
        var owner = $"state '{state.Id}'";
        if (state.TextKey is not null && !content.Texts.ContainsKey(state.TextKey))
        {
            report(state.Location, $"{owner} uses text '{state.TextKey}', which texts.yaml does not define");
        }

        if (state.SituationId is not null && !content.SituationsById.ContainsKey(state.SituationId))
        {
            report(state.Location, $"{owner} shows situation '{state.SituationId}', which no file in situations/ defines");
        }

        var choices = EffectiveChoices.For(state, content);
        if (choices.Count == 0)
        {
            report(state.Location, $"{owner} offers no choices: a user there would be stuck");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            var choiceOwner = $"choice '{choice.Id}' of {owner}";
            if (!ids.Add(choice.Id))
            {
                report(choice.Location, $"duplicate {choiceOwner}");
            }

            var bytes = Encoding.UTF8.GetByteCount(choice.Id);
            if (bytes > MaxChoiceIdBytes)
            {
                report(choice.Location, $"{choiceOwner} is {bytes} bytes long; a choice id may have at most {MaxChoiceIdBytes} bytes (Telegram's callback_data limit)");
            }

            if (state.Choices.Contains(choice))
            {
                // Only the ids the content declares: the bot's own (method:…) are meant to look like its buttons.
                ValidateNotReserved(choice.Id, choiceOwner, choice.Location, report);
            }

            if (choice.Id.Any(char.IsWhiteSpace) || choice.Id.StartsWith('/'))
            {
                report(choice.Location, $"{choiceOwner} must not contain spaces or start with '/'");
            }

            if (choice.LabelKey is not null && !content.Texts.ContainsKey(choice.LabelKey))
            {
                report(choice.Location, $"{choiceOwner} uses label '{choice.LabelKey}', which texts.yaml does not define");
            }

            if (choice.SituationLabel is not null && !content.SituationsById.ContainsKey(choice.SituationLabel))
            {
                report(choice.Location, $"{choiceOwner} takes its label from situation '{choice.SituationLabel}', which no file in situations/ defines");
            }

            if (choice.Goto is not null && !states.ContainsKey(choice.Goto))
            {
                report(choice.Location, $"{choiceOwner} leads to state '{choice.Goto}', which does not exist");
            }

            ValidateSet(choice, choiceOwner, content, report);
        }
    }

    private static void ValidateSet(FlowChoice choice, string owner, ContentSet content, Action<SourceLocation, string> report)
    {
        foreach (var (key, value) in choice.Set)
        {
            var allowed = key switch
            {
                "language" => content.Flow.Languages,
                "role" => Roles.All,
                _ => Phases.All,
            };
            if (!allowed.Contains(value))
            {
                report(choice.Location, $"{owner} sets {key} to '{value}'; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    private static HashSet<string> Reachable(FlowDefinition flow, Dictionary<string, FlowState> states)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        if (states.ContainsKey(flow.Start))
        {
            queue.Enqueue(flow.Start);
            reached.Add(flow.Start);
        }

        while (queue.TryDequeue(out var id))
        {
            foreach (var target in states[id].Choices.Select(c => c.Goto).OfType<string>())
            {
                if (states.ContainsKey(target) && reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return reached;
    }
}
