namespace Passport.Content.Sprints;

internal sealed record OptionDocument(string Id, IReadOnlyDictionary<string, string> Text, int? Score);
