using System.Text;

namespace RecipeBot.StateMachine;

/// <summary>Renders a <see cref="StateMachineInfo"/> as a Mermaid <c>stateDiagram-v2</c>.</summary>
/// <remarks>
/// The output is deterministic: states in configuration order (substates nested in <c>state Super { }</c> blocks),
/// then <c>[*] --> </c> the initial state, then each state's transitions in configuration order. Guarded transitions
/// carry <c>[guard description]</c>, dynamic ones lead to a <c>&lt;&lt;choice&gt;&gt;</c> node, internal ones are
/// self-loops marked <c>(internal)</c>, ignored triggers are left out. States whose names are not plain Mermaid
/// identifiers get an alias (<c>state "contact/no-partners" as s3</c>, the number being the state's index).
/// </remarks>
public static class MermaidGraph
{
    private const string Indent = "    ";

    // Mermaid keywords that would be misread as identifiers; any name starting with "default" is lexed as a keyword.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "as", "class", "classDef", "direction", "end", "hide", "note", "scale", "state", "stateDiagram", "style",
    };

    /// <summary>Formats <paramref name="info"/> as Mermaid text (lines end with <c>\n</c>).</summary>
    /// <param name="info">The machine's structure, from <c>StateMachine.GetInfo()</c>.</param>
    /// <returns>The diagram.</returns>
    public static string Format(StateMachineInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ids = AssignIds(info.States, used);
        var text = new StringBuilder("stateDiagram-v2\n");
        foreach (var state in info.States)
        {
            if (state.Superstate is null)
            {
                AppendState(text, state, info.States, ids, depth: 1);
            }
        }

        text.Append(Indent).Append("[*] --> ").Append(ids[info.InitialState].Id).Append('\n');
        var choices = 0;
        foreach (var state in info.States)
        {
            var source = ids[state.UnderlyingState].Id;
            foreach (var transition in state.Transitions)
            {
                var label = Label(transition.Trigger.ToString());
                switch (transition.Kind)
                {
                    case TransitionKind.Permit or TransitionKind.Reentry:
                        text.Append(Indent).Append(source).Append(" --> ").Append(ids[transition.Destination!].Id).Append(" : ").Append(label);
                        if (transition.GuardDescription is not null)
                        {
                            text.Append(" [").Append(Label(transition.GuardDescription)).Append(']');
                        }

                        text.Append('\n');
                        break;
                    case TransitionKind.Dynamic:
                        var choice = UniqueId("c" + (++choices).ToString(System.Globalization.CultureInfo.InvariantCulture), used);
                        text.Append(Indent).Append("state ").Append(choice).Append(" <<choice>>\n");
                        text.Append(Indent).Append(source).Append(" --> ").Append(choice).Append(" : ").Append(label).Append('\n');
                        break;
                    case TransitionKind.Internal:
                        text.Append(Indent).Append(source).Append(" --> ").Append(source).Append(" : ").Append(label).Append(" (internal)\n");
                        break;
                }
            }
        }

        return text.ToString();
    }

    private static void AppendState(StringBuilder text, StateInfo state, IReadOnlyList<StateInfo> all, Dictionary<object, StateId> ids, int depth)
    {
        var id = ids[state.UnderlyingState];
        AppendIndent(text, depth);
        if (state.Substates.Count == 0)
        {
            text.Append(id.IsAlias ? $"state \"{id.Description}\" as {id.Id}" : id.Id).Append('\n');
            return;
        }

        text.Append("state ").Append(id.IsAlias ? $"\"{id.Description}\" as {id.Id}" : id.Id).Append(" {\n");
        if (state.InitialTransitionTarget is not null)
        {
            AppendIndent(text, depth + 1);
            text.Append("[*] --> ").Append(ids[state.InitialTransitionTarget].Id).Append('\n');
        }

        // Substates follow the states' configuration order.
        foreach (var candidate in all)
        {
            if (candidate.Superstate is not null && candidate.Superstate.Equals(state.UnderlyingState))
            {
                AppendState(text, candidate, all, ids, depth + 1);
            }
        }

        AppendIndent(text, depth);
        text.Append("}\n");
    }

    private static Dictionary<object, StateId> AssignIds(IReadOnlyList<StateInfo> states, HashSet<string> used)
    {
        // Plain names are reserved first so that generated aliases can never collide with them.
        var ids = new Dictionary<object, StateId>(states.Count);
        foreach (var state in states)
        {
            var name = state.UnderlyingState.ToString() ?? string.Empty;
            if (IsPlainIdentifier(name) && used.Add(name))
            {
                ids[state.UnderlyingState] = new StateId(name, name, IsAlias: false);
            }
        }

        for (var i = 0; i < states.Count; i++)
        {
            var state = states[i].UnderlyingState;
            if (!ids.ContainsKey(state))
            {
                var description = (state.ToString() ?? string.Empty).Replace('"', '\'').ReplaceLineEndings(" ");
                var alias = UniqueId("s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), used);
                ids[state] = new StateId(alias, description, IsAlias: true);
            }
        }

        return ids;
    }

    private static string UniqueId(string candidate, HashSet<string> used)
    {
        while (!used.Add(candidate))
        {
            candidate += "_";
        }

        return candidate;
    }

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]) || Keywords.Contains(name)
            || name.StartsWith("default", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    // Mermaid ends a transition label at ':' ';' or a line break.
    private static string Label(string? text) =>
        (text ?? string.Empty).Replace(':', ' ').Replace(';', ' ').ReplaceLineEndings(" ");

    private static void AppendIndent(StringBuilder text, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            text.Append(Indent);
        }
    }

    private readonly record struct StateId(string Id, string Description, bool IsAlias);
}
