namespace Passport.Domain.Sectors;

/// <summary>A labour-market sector with its name in every product language.</summary>
public sealed record Sector(string Id, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The name in <paramref name="language"/>, falling back to English.</summary>
    public string NameIn(string language) =>
        Names.TryGetValue(language, out var name) ? name : Names[Accounts.Languages.English];
}
