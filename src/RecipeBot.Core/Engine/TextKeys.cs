namespace RecipeBot.Core.Engine;

/// <summary>Keys of <c>texts.yaml</c> that the engine itself uses; the validator requires each.</summary>
public static class TextKeys
{
    public const string Help = "help";
    public const string NotUnderstood = "not-understood";
    public const string TooLong = "too-long";
    public const string NothingToGoBackTo = "nothing-to-go-back-to";
    public const string UnknownCommand = "unknown-command";
    public const string LanguageChanged = "language-changed";
    public const string UnknownLanguage = "unknown-language";
    public const string RecipesIntro = "recipes-intro";
    public const string RecipeForOthers = "recipe-for-others";
    public const string WhatNext = "what-next";
    public const string RecipesPick = "recipes-pick";
    public const string NextRecipe = "next-recipe";
    public const string AllRecipesGiven = "all-recipes-given";
    public const string AskRoleFirst = "ask-role-first";
    public const string ThanksReply = "thanks-reply";
    public const string WordAnd = "word-and";
    public const string MethodSteps = "method-steps";
    public const string GreetingReply = "greeting-reply";
    public const string ClarifyQuestion = "clarify-question";
    public const string ClarifyNeither = "clarify-neither";
    public const string Rephrase = "rephrase";
    public const string ShowingMenu = "showing-menu";
    public const string TurnFailed = "turn-failed";
    public const string TurnReset = "turn-reset";
    public const string ScheduleContinue = "schedule-continue";
    public const string RoleNamePrefix = "role-name-";
    public const string CommandPrefix = "command-";

    /// <summary>The web chat page's own texts (its title, the line under it, the input's placeholder, the fault notice).</summary>
    public static IReadOnlyList<string> WebChatPage { get; } = ["webchat-title", "webchat-intro", "webchat-placeholder", "webchat-unavailable"];

    /// <summary>The commands every channel understands; their descriptions are <c>command-…</c> texts.</summary>
    public static IReadOnlyList<string> Commands { get; } = ["start", "help", "back", "restart", "lang", "remind", "meetings", "plan", "stats", "timezone", "privacy", "export", "forget"];

    public static IReadOnlyList<string> Required { get; } =
    [
        Help, NotUnderstood, TooLong, NothingToGoBackTo, UnknownCommand, LanguageChanged, UnknownLanguage,
        RecipesIntro, RecipeForOthers, WhatNext, MethodSteps, RecipesPick, NextRecipe, AllRecipesGiven, AskRoleFirst, ThanksReply, WordAnd,
        GreetingReply, ClarifyQuestion, ClarifyNeither, Rephrase, ShowingMenu, TurnFailed, TurnReset,
        Flow.EffectiveChoices.MethodLabelKey, Flow.EffectiveChoices.ScheduleLabelKey, Flow.EffectiveChoices.TryLabelKey,
        Flow.EffectiveChoices.CardLabelKey, Flow.EffectiveChoices.RecipeLabelKey, Flow.EffectiveChoices.OverviewLabelKey,
        .. Meetings.MeetingMessages.RequiredKeys,
        .. Engine.RecipeEngine.MeetingTextKeys,
        .. Content.Roles.All.Select(r => RoleNamePrefix + r),
        .. Commands.Select(c => CommandPrefix + c),
        .. WebChatPage,
    ];
}
