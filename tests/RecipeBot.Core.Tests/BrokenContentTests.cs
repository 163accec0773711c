using RecipeBot.Core.Loading;

namespace RecipeBot.Core.Tests;

/// <summary>Each test breaks one thing in a copy of the real content and checks the exact report.</summary>
public sealed class BrokenContentTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "recipebot-content-" + Guid.NewGuid().ToString("N"));

    public BrokenContentTests()
    {
        foreach (var file in Directory.GetFiles(RepositoryContent.Directory, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_directory, Path.GetRelativePath(RepositoryContent.Directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void DanglingGoto_IsReportedWithFileAndLine()
    {
        var line = Edit("flow.yaml", "goto: contact/no-partners }", "goto: contact/no-such-thing }");

        var problems = Load().Select(p => p.ToString()).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains($"flow.yaml:{line}: choice 'no-partners' of state 'contact' leads to state 'contact/no-such-thing', which does not exist", problems);
        // The state the choice used to reach is now reachable from nowhere, and that is said too.
        Assert.Contains($"flow.yaml:{LineOf("flow.yaml", "  - id: contact/no-partners")}: state 'contact/no-partners' is unreachable: no choice leads to it from the start state 'language'", problems);
    }

    [Fact]
    public void StateNoChoiceLeadsTo_IsUnreachable()
    {
        Edit("flow.yaml", "  - id: role\n", "  - id: lonely\n    text: ask-role\n    choices:\n      - { id: back, label: nav-back, action: back }\n  - id: role\n");
        var line = LineOf("flow.yaml", "  - id: lonely");

        var problem = Assert.Single(Load());

        Assert.Equal($"flow.yaml:{line}: state 'lonely' is unreachable: no choice leads to it from the start state 'language'", problem.ToString());
    }

    [Fact]
    public void SituationNoStateShows_ReportsEachOfItsRecipes()
    {
        Edit("flow.yaml", "      - { id: priorities, situation: planning/priorities, goto: planning/priorities }\n", "");
        Edit("flow.yaml", "  - id: planning/priorities\n    situation: planning/priorities\n", "  - id: planning/priorities\n    text: what-next\n");

        var problems = Load();

        var recipes = RepositoryContent.Content.SituationsById["planning/priorities"].Recipes;
        var notOffered = problems.Where(p => p.Location.File == "situations/planning-priorities.yaml").ToList();
        Assert.Equal(recipes.Count, notOffered.Count);
        Assert.Equal(
            recipes.Select(r => $"recipe '{r.Id}' is offered by no state: no state in flow.yaml shows situation 'planning/priorities'"),
            notOffered.Select(p => p.Message));
        Assert.Equal(recipes.Select(r => r.Location.Line), notOffered.Select(p => p.Location.Line));
        Assert.Single(problems, p => p.Message == "state 'planning/priorities' is unreachable: no choice leads to it from the start state 'language'");
    }

    [Fact]
    public void MissingTranslation_IsReported()
    {
        var file = "situations/contact-no-partners.yaml";
        var original = File.ReadAllLines(Path.Combine(_directory, file));
        var ruTitle = Array.FindIndex(original, l => l.TrimStart().StartsWith("ru:", StringComparison.Ordinal));
        File.WriteAllLines(Path.Combine(_directory, file), original.Where((_, i) => i != ruTitle));

        var problem = Assert.Single(Load());

        Assert.Equal(file, problem.Location.File);
        Assert.Equal("'title' of situation 'contact/no-partners' is missing the 'ru' translation", problem.Message);
    }

    [Fact]
    public void ChoiceIdOver64Bytes_IsReported()
    {
        var longId = new string('ü', 33); // 66 bytes in UTF-8
        var line = Edit("flow.yaml", "{ id: official,", $"{{ id: {longId},");

        var problem = Assert.Single(Load());

        Assert.Equal($"flow.yaml:{line}: choice '{longId}' of state 'role' is 66 bytes long; a choice id may have at most 64 bytes (Telegram's callback_data limit)", problem.ToString());
    }

    [Fact]
    public void DuplicateRecipeId_IsReported()
    {
        var file = "situations/contact-no-partners.yaml";
        var text = File.ReadAllText(Path.Combine(_directory, file));
        var ids = RepositoryContent.Content.SituationsById["contact/no-partners"].Recipes.Select(r => r.Id).ToList();
        File.WriteAllText(Path.Combine(_directory, file), text.Replace(ids[1], ids[0], StringComparison.Ordinal));

        var problem = Assert.Single(Load());

        Assert.StartsWith($"duplicate recipe id '{ids[0]}' (also at {file}:", problem.Message);
    }

    [Fact]
    public void UnknownMethod_AndUnknownKey_AreReported()
    {
        var file = "situations/contact-no-partners.yaml";
        Edit(file, "co-creation-framing", "brainstorm");
        var keyLine = Edit(file, "regularMeetings:", "regularMeeting:");

        var problems = Load().Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.EndsWith("names method 'brainstorm', which methods.yaml does not define", StringComparison.Ordinal));
        Assert.Contains($"{file}:{keyLine}: unknown key 'regularMeeting' in a recipe; expected one of: id, for, regularMeetings, methods, cards, title, summary, steps", problems);
    }

    [Fact]
    public void InvalidYaml_IsReportedWithItsLine()
    {
        File.AppendAllText(Path.Combine(_directory, "texts.yaml"), "broken: [unclosed\n");

        var problems = Load();

        Assert.Contains(problems, p => p.Location.File == "texts.yaml" && p.Message.StartsWith("not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingEngineText_IsReported()
    {
        var lines = File.ReadAllLines(Path.Combine(_directory, "texts.yaml")).ToList();
        var start = lines.IndexOf("too-long:");
        lines.RemoveRange(start, 4);
        File.WriteAllLines(Path.Combine(_directory, "texts.yaml"), lines);

        var problem = Assert.Single(Load());

        Assert.Equal("texts.yaml:1: the text 'too-long' is missing; the bot needs it", problem.ToString());
    }

    [Fact]
    public void LoadValid_ThrowsWithEveryProblem()
    {
        Edit("flow.yaml", "start: language", "start: nowhere");

        var error = Assert.Throws<ContentException>(() => ContentLoader.LoadValid(_directory));

        Assert.Contains(error.Problems, p => p.Message == "the start state 'nowhere' does not exist");
    }

    [Theory]
    [InlineData("mtg:contact", "mtg:")]
    [InlineData("sched:contact", "sched:")]
    [InlineData("intent:contact", "intent:")]
    [InlineData("step:contact", "step:")]
    [InlineData("neither", "neither")]
    public void AChoiceIdLikeTheBotsOwnButtons_IsReported(string id, string reserved)
    {
        var line = Edit("flow.yaml", "{ id: contact, ", $"{{ id: {id}, ");

        var problems = Load().Select(p => p.ToString()).ToList();

        Assert.Equal(
            [$"flow.yaml:{line}: choice '{id}' of state 'phase' collides with the bot's own buttons ('{reserved}' is reserved); choose another id"],
            problems);
    }

    [Fact]
    public void AMethodIdLikeTheBotsOwnButtons_IsReported()
    {
        Edit("methods.yaml", "  - id: \"co-creation-framing\"", "  - id: \"method:co-creation-framing\"");
        var line = LineOf("methods.yaml", "  - id: \"method:co-creation-framing\"");

        var problems = Load().Select(p => p.ToString()).ToList();

        Assert.Contains($"methods.yaml:{line}: method id 'method:co-creation-framing' collides with the bot's own buttons ('method:' is reserved); choose another id", problems);
    }

    [Fact]
    public void APlaceholderTheBotDoesNotFill_IsReported()
    {
        Edit("texts.yaml", "en: \"What helps with “{situation}”:\"", "en: \"What helps with “{situaton}”:\"");
        var line = LineOf("texts.yaml", "recipes-intro:") + 1; // a text is reported at its first language

        var problems = Load().Select(p => p.ToString()).ToList();

        Assert.Equal(
            [
                $"texts.yaml:{line}: the text 'recipes-intro' (en) has the placeholder {{situaton}}, which the bot does not fill; it fills: {{situation}}",
                $"texts.yaml:{line}: the text 'recipes-intro' has the placeholders [{{situation}}] in et but [{{situaton}}] in en; every language needs the same",
            ],
            problems);
    }

    [Fact]
    public void APlaceholderMissingInOneLanguage_IsReported()
    {
        Edit("texts.yaml", "  ru: \"Что помогает в ситуации «{situation}»:\"", "  ru: \"Рецепты:\"");
        var line = LineOf("texts.yaml", "recipes-intro:") + 1;

        var problem = Assert.Single(Load());

        Assert.Equal($"texts.yaml:{line}: the text 'recipes-intro' has the placeholders [{{situation}}] in et but [] in ru; every language needs the same", problem.ToString());
    }

    [Fact]
    public void AMonthlyWeekdayWithoutItsSixForms_IsReported()
    {
        Edit("texts.yaml", "|в последний вторник\"", "\"");

        var problem = Assert.Single(Load());

        Assert.Equal("texts.yaml", problem.Location.File);
        Assert.Equal("the text 'monthly-tu' (ru) needs 6 forms separated by |: the first … fifth, then the last", problem.Message);
    }

    private List<ContentProblem> Load() => [.. ContentLoader.Load(_directory).Problems];

    /// <summary>Replaces the first occurrence and returns its 1-based line.</summary>
    private int Edit(string file, string find, string replace)
    {
        var path = Path.Combine(_directory, file);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' not found in {file}");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length)));
        return text[..index].Count(c => c == '\n') + 1;
    }

    private int LineOf(string file, string find)
    {
        var text = File.ReadAllText(Path.Combine(_directory, file));
        return text[..text.IndexOf(find, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
    }
}
