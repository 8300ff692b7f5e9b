using Passport.Domain.Localization;

namespace Passport.Domain.Sprints;

/// <summary>One option of a choice, timed or rank item; <see cref="Score"/> is its category (choice and timed only).</summary>
public sealed record ItemOption(string Id, LocalizedText Text, int Score);
