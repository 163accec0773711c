namespace RecipeBot.Core.Tests;

public sealed class FlowDiagramTests
{
    [Fact]
    public void TheReadmeDiagram_IsTheMermaidExportOfTheFlow()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryContent.Directory, "..", "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```mermaid\n", StringComparison.Ordinal) + "```mermaid\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);

        var exported = RepositoryContent.Compile().ToMermaid().ReplaceLineEndings("\n");

        // When the flow changes on purpose: paste the output of the 'graph' command into README.md.
        Assert.Equal(exported.TrimEnd('\n'), readme[start..end].TrimEnd('\n'));
    }

    [Fact]
    public void TheExport_DrawsEveryStateAndEveryTransitionOfTheFlow()
    {
        var flow = RepositoryContent.Compile();
        var mermaid = flow.ToMermaid();

        Assert.StartsWith("stateDiagram-v2\n", mermaid.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("[*] --> language", mermaid, StringComparison.Ordinal);
        Assert.All(flow.States, s => Assert.Contains(s.Id, mermaid, StringComparison.Ordinal));
        Assert.Contains("state \"contact/no-partners\" as s6", mermaid, StringComparison.Ordinal);
        Assert.Contains("contact --> s6 : no-partners", mermaid, StringComparison.Ordinal);
        Assert.Contains("s6 --> planning : next-phase", mermaid, StringComparison.Ordinal);
    }
}
