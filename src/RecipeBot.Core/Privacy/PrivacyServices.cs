namespace RecipeBot.Core.Privacy;

/// <summary>What the engine needs for the data rights: every store's personal data and how long it is kept.</summary>
public sealed record PrivacyServices(PersonalData Data, RetentionPolicy Retention);
