namespace Passport.Content.Sprints;

internal sealed record ScaleDocument(int Min, int Max, IReadOnlyDictionary<string, string> Low, IReadOnlyDictionary<string, string> High);
