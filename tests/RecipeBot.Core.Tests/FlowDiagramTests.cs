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
        Assert.EndsWith("[*] --> language", mermaid.TrimEnd(), StringComparison.Ordinal);
        Assert.All(flow.States, s => Assert.Contains(s.Id, mermaid, StringComparison.Ordinal));
        // Stateless gives a state whose name Mermaid cannot take an alias without '-' and ':'.
        Assert.Contains("\tcontact/nopartners : contact/no-partners\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\tcontact --> contact/nopartners : no-partners\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\tcontact/nopartners --> planning : next-phase\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("\tcontact --> Decision4 : diagnosed\n", mermaid, StringComparison.Ordinal);
    }
}
