namespace Passport.Domain.Accounts;

/// <summary>The languages the product speaks, as BCP 47 tags (Norwegian is bokmål, <c>nb</c>).</summary>
public static class Languages
{
    public const string English = "en";
    public const string Dutch = "nl";
    public const string Danish = "da";
    public const string NorwegianBokmal = "nb";

    public const string Default = English;

    public static IReadOnlyList<string> All { get; } = [English, Dutch, Danish, NorwegianBokmal];

    public static bool IsSupported(string? language) =>
        language is not null && All.Contains(language, StringComparer.Ordinal);
}
