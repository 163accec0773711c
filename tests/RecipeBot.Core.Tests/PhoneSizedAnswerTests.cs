using RecipeBot.Core.Content;
using RecipeBot.Core.Dialogs;
using RecipeBot.Core.Engine;
using RecipeBot.Core.Flow;
using Xunit.Abstractions;

namespace RecipeBot.Core.Tests;

/// <summary>
/// Every answer fits a phone: walks the compiled content — every situation state, every role (and none), every
/// language — through the engine, opening every recipe, reference card and method card it offers, and every method by
/// each of its names, and measures each message.
/// </summary>
public sealed class PhoneSizedAnswerTests(ITestOutputHelper output)
{
    /// <summary>About a phone screen and a half of chat text.</summary>
    private const int MaxMessageLength = 1000;

    private static readonly string?[] RolesOrNone = [null, .. Roles.All];

    public static TheoryData<string> Languages() => [.. RepositoryContent.Content.Flow.Languages];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryMessageOfEverySituation_ForEveryRole_FitsAPhone(string language)
    {
        var longest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var state in RepositoryContent.Compile().States.Where(s => s.Situation is not null))
        {
            // Without a role, a situation whose recipes depend on it is asked about first, never shown.
            foreach (var role in RolesOrNone.Where(r => r is not null || !state.RoleMatters))
            {
                var messages = await WalkAsync(state.Id, language, role);
                Assert.All(messages, m => Assert.True(m.Text.Length <= MaxMessageLength, $"{state.Id} ({language}, {role ?? "no role"}): {m.Text.Length} characters\n{m.Text}"));
                var situation = state.Situation!.Id;
                longest[situation] = Math.Max(longest.GetValueOrDefault(situation), messages.Max(m => m.Text.Length));
            }
        }

        foreach (var (situation, length) in longest)
        {
            output.WriteLine($"{language} {situation} {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryReferenceCard_AskedFromAnyState_FitsAPhone(string language)
    {
        foreach (var card in RepositoryContent.Content.Cards)
        {
            var bot = new EngineHarness();
            await bot.SayAsync("/start");
            await bot.SayAsync(language);

            var reply = await bot.SayAsync(new IntentButton(card.IntentId).Id);

            Assert.StartsWith(card.Title.Values[language], reply.Text, StringComparison.Ordinal);
            Assert.True(reply.Text.Length <= MaxMessageLength, $"card {card.Id} ({language}): {reply.Text.Length} characters");
            output.WriteLine($"{language} card/{card.Id} {reply.Text.Length}");
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EveryMethodCard_OpenedByButtonOrByName_FitsAPhone(string language)
    {
        var longest = new Dictionary<string, int>(StringComparer.Ordinal);
        var byButton = new HashSet<string>(StringComparer.Ordinal);
        void Measure(string methodId, OutgoingMessage reply, string how)
        {
            Assert.StartsWith(RepositoryContent.Content.MethodsById[methodId].Title.Values[language], reply.Text, StringComparison.Ordinal);
            Assert.True(reply.Text.Length <= MaxMessageLength, $"method {methodId} ({language}, {how}): {reply.Text.Length} characters\n{reply.Text}");
            longest[methodId] = Math.Max(longest.GetValueOrDefault(methodId), reply.Text.Length);
        }

        // By button: under every recipe of every situation state, for every role, where the bot offers it.
        foreach (var state in RepositoryContent.Compile().States.Where(s => s.Situation is not null))
        {
            foreach (var role in RolesOrNone.Where(r => r is not null || !state.RoleMatters))
            {
                var (bot, overview) = await OpenSituationAsync(state.Id, language, role);
                foreach (var recipeChoice in RecipeChoices(overview))
                {
                    var recipe = await bot.SayAsync(recipeChoice.Id);
                    foreach (var methodChoice in recipe.Choices.Where(c => c.Id.StartsWith(EffectiveChoices.MethodPrefix, StringComparison.Ordinal)).ToList())
                    {
                        var methodId = methodChoice.Id[EffectiveChoices.MethodPrefix.Length..];
                        byButton.Add(methodId);
                        Measure(methodId, await bot.SayAsync(methodChoice.Id), $"button in {state.Id}, {role ?? "no role"}");
                    }
                }
            }
        }

        // By name, typed in the menu: every name people call it, in any language.
        foreach (var method in RepositoryContent.Content.Methods)
        {
            var bot = await StartAsync(language, role: null);
            foreach (var name in method.Names)
            {
                Measure(method.Id, await bot.SayAsync(name), $"name \"{name}\"");
            }
        }

        Assert.Equal(RepositoryContent.Content.Methods.Select(m => m.Id).Order(StringComparer.Ordinal), byButton.Order(StringComparer.Ordinal));
        foreach (var (method, length) in longest)
        {
            output.WriteLine($"{language} method/{method} {length}");
        }
    }

    /// <summary>The situation's overview, then every button it and its recipes offer that answers in place.</summary>
    private static async Task<List<OutgoingMessage>> WalkAsync(string stateId, string language, string? role)
    {
        var (bot, overview) = await OpenSituationAsync(stateId, language, role);
        var messages = new List<OutgoingMessage> { overview };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recipeChoice in RecipeChoices(overview))
        {
            var recipe = await bot.SayAsync(recipeChoice.Id);
            messages.Add(recipe);
            foreach (var extra in recipe.Choices.Where(c => c.Id.StartsWith(EffectiveChoices.CardPrefix, StringComparison.Ordinal) && seen.Add(c.Id)).ToList())
            {
                messages.Add(await bot.SayAsync(extra.Id));
            }
        }

        return messages;
    }

    private static List<ChoiceView> RecipeChoices(OutgoingMessage overview) =>
        overview.Choices.Where(c => c.Id.StartsWith(EffectiveChoices.RecipePrefix, StringComparison.Ordinal)).ToList();

    /// <summary>A new conversation in the language (and role), at the situation's overview.</summary>
    private static async Task<(EngineHarness Bot, OutgoingMessage Overview)> OpenSituationAsync(string stateId, string language, string? role)
    {
        var bot = await StartAsync(language, role);
        var situation = RepositoryContent.Compile()[stateId].Situation!;
        var overview = await bot.SayAsync(role is null ? new IntentButton(situation.Id).Id : new RoleButton(role, situation.Id).Id);
        Assert.Equal(stateId, overview.State);
        return (bot, overview);
    }

    private static async Task<EngineHarness> StartAsync(string language, string? role)
    {
        var bot = new EngineHarness();
        await bot.SayAsync("/start");
        await bot.SayAsync(language);
        if (role is not null)
        {
            await bot.SayAsync(role);
        }

        return bot;
    }
}
