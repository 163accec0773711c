using RecipeBot.Core.Content;
using YamlDotNet.RepresentationModel;

namespace RecipeBot.Core.Loading;

/// <summary>Reads <c>flow.yaml</c>: languages, the start state and every state with its choices.</summary>
internal static class FlowReader
{
    private static readonly Dictionary<string, ChoiceAction> Actions = new(StringComparer.Ordinal)
    {
        ["back"] = ChoiceAction.Back,
        ["restart"] = ChoiceAction.Restart,
        ["schedule-meeting"] = ChoiceAction.ScheduleMeeting,
    };

    public static FlowDefinition? Read(YamlFile doc, YamlNode root)
    {
        var map = doc.Mapping(root, "flow.yaml");
        if (map is null)
        {
            return null;
        }

        doc.RejectUnknownKeys(map, "flow.yaml", "languages", "start", "states");
        var languages = doc.ScalarList(map, "languages", "flow.yaml");
        if (languages.Count == 0)
        {
            doc.Report(map, "flow.yaml must list at least one language; the first is the default");
            languages = ["et"];
        }

        var start = doc.Scalar(map, "start", "flow.yaml") ?? "?";
        var states = new List<FlowState>();
        var statesNode = YamlFile.Child(map, "states");
        if (statesNode is null)
        {
            doc.Report(map, "flow.yaml has no 'states'");
        }

        foreach (var item in doc.Sequence(statesNode, "'states'")?.Children ?? [])
        {
            if (ReadState(doc, item) is { } state)
            {
                states.Add(state);
            }
        }

        return new FlowDefinition(languages, start, states, doc.At(map));
    }

    private static FlowState? ReadState(YamlFile doc, YamlNode node)
    {
        var map = doc.Mapping(node, "a state");
        if (map is null)
        {
            return null;
        }

        doc.RejectUnknownKeys(map, "a state", "id", "text", "situation", "choices");
        var id = doc.Scalar(map, "id", "a state") ?? "?";
        var owner = $"state '{id}'";
        var text = doc.Scalar(map, "text", owner, required: false);
        var situation = doc.Scalar(map, "situation", owner, required: false);
        if (text is null && situation is null)
        {
            doc.Report(map, $"{owner} needs a 'text' (a key in texts.yaml) or a 'situation'");
        }

        var choices = new List<FlowChoice>();
        foreach (var item in doc.Sequence(YamlFile.Child(map, "choices"), $"'choices' of {owner}")?.Children ?? [])
        {
            if (ReadChoice(doc, item, owner) is { } choice)
            {
                choices.Add(choice);
            }
        }

        return new FlowState(id, text, situation, choices, doc.At(map));
    }

    private static FlowChoice? ReadChoice(YamlFile doc, YamlNode node, string stateOwner)
    {
        var map = doc.Mapping(node, $"a choice of {stateOwner}");
        if (map is null)
        {
            return null;
        }

        doc.RejectUnknownKeys(map, "a choice", "id", "label", "situation", "set", "goto", "action");
        var id = doc.Scalar(map, "id", $"a choice of {stateOwner}") ?? "?";
        var owner = $"choice '{id}' of {stateOwner}";
        var label = doc.Scalar(map, "label", owner, required: false);
        var situation = doc.Scalar(map, "situation", owner, required: false);
        if (label is null && situation is null)
        {
            doc.Report(map, $"{owner} needs a 'label' (a key in texts.yaml) or a 'situation'");
        }

        var target = doc.Scalar(map, "goto", owner, required: false);
        var actionName = doc.Scalar(map, "action", owner, required: false);
        var action = ChoiceAction.Goto;
        if (target is not null && actionName is not null)
        {
            doc.Report(map, $"{owner} has both 'goto' and 'action'; give one");
        }
        else if (target is null && actionName is null)
        {
            doc.Report(map, $"{owner} needs 'goto' (a state) or 'action' (back, restart, schedule-meeting)");
        }
        else if (actionName is not null && !Actions.TryGetValue(actionName, out action))
        {
            doc.Report(YamlFile.Child(map, "action")!, $"{owner} has unknown action '{actionName}'; expected back, restart or schedule-meeting");
        }

        return new FlowChoice(id, label, situation, null, action, target, ReadSet(doc, map, owner), doc.At(map));
    }

    private static Dictionary<string, string> ReadSet(YamlFile doc, YamlMappingNode map, string owner)
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        var setMap = doc.Mapping(YamlFile.Child(map, "set"), $"'set' of {owner}");
        if (setMap is null)
        {
            return set;
        }

        doc.RejectUnknownKeys(setMap, $"'set' of {owner}", "language", "role", "phase");
        foreach (var (key, _) in setMap.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (doc.Scalar(setMap, name, $"'set' of {owner}") is { } value)
            {
                set[name] = value;
            }
        }

        return set;
    }
}
