using RecipeBot.Core.Dialogs;

namespace RecipeBot.Core.Tests;

public sealed class FlowDiagramTests
{
    [Fact]
    public void TheReadmeDiagrams_AreTheMermaidExportsOfEveryDialog_InOrder()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryContent.Directory, "..", "README.md")).ReplaceLineEndings("\n");
        var blocks = new List<string>();
        for (var start = readme.IndexOf("```mermaid\n", StringComparison.Ordinal); start >= 0; start = readme.IndexOf("```mermaid\n", start, StringComparison.Ordinal))
        {
            start += "```mermaid\n".Length;
            var end = readme.IndexOf("```", start, StringComparison.Ordinal);
            blocks.Add(readme[start..end].TrimEnd('\n'));
            start = end + 3;
        }

        var exported = DialogDiagrams.All(RepositoryContent.Compile()).Select(d => d.Mermaid.ReplaceLineEndings("\n").TrimEnd('\n'));

        // When a dialog changes on purpose: paste the output of the 'graph' command into README.md.
        Assert.Equal(exported, blocks);
    }

    [Fact]
    public void TheScheduleDiagram_ShowsTheGuidedPathAndChangeIt()
    {
        var schedule = DialogDiagrams.All(RepositoryContent.Compile()).Single(d => d.Dialog == "schedule").Mermaid;

        Assert.Contains("\tDescribe --> Decision1 : Frequency\n", schedule, StringComparison.Ordinal);
        Assert.Contains("\tWeekOfMonth --> Time : Week / week\n", schedule, StringComparison.Ordinal);
        Assert.Contains("\tConfirm --> Describe : Edit / keep the schedule as the base\n", schedule, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExport_DrawsEveryStateAndEveryTransitionOfTheFlow()
    {
        var flow = RepositoryContent.Compile();
        var mermaid = flow.ToMermaid();

        Assert.StartsWith("stateDiagram-v2\n", mermaid.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.EndsWith("[*] --> language", mermaid.TrimEnd(), StringComparison.Ordinal);
        Assert.All(flow.States, s => Assert.Contains(s.Id, mermaid, StringComparison.Ordinal));
        // Stateless gives a state whose name Mermaid cannot take an alias without '-' and ':'.
        Assert.Contains("\tcontact/nopartners : contact/no-partners\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\tcontact --> contact/nopartners : no-partners\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\tcontact/nopartners --> planning : next-phase\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\tcontact --> Decision4 : diagnosed\n", mermaid, StringComparison.Ordinal);
    }
}
