using Passport.Domain.Accounts;

namespace Passport.Web.Localization;

/// <summary>
/// Each language's name in itself (its autonym). These are not translated: people look for their own
/// language's name, whatever language the page is in.
/// </summary>
public static class LanguageNames
{
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
    [
        (Languages.English, "English"),
        (Languages.Dutch, "Nederlands"),
        (Languages.Danish, "Dansk"),
        (Languages.NorwegianBokmal, "Norsk bokmål"),
    ];
}
