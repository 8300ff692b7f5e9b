using Passport.Domain.Localization;

namespace Passport.Domain.Sprints;

/// <summary>The answer range of a scale item and the labels of both ends.</summary>
public sealed record ScaleSpec(int Min, int Max, LocalizedText Low, LocalizedText High, bool Reversed);
