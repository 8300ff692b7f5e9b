using System.Globalization;
using Passport.Domain.Accounts;

namespace Passport.Application.Localization;

/// <summary>The product language texts are read in: the request's (its UI culture), or another one on purpose.</summary>
public static class TextLanguage
{
    /// <summary>The product language of the current request.</summary>
    public static string Current()
    {
        var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Languages.IsSupported(name) ? name : Languages.Default;
    }

    /// <summary>
    /// Reads texts in <paramref name="language"/> (the default language if unsupported) instead of the request's, for
    /// words addressed to someone else: a credential's verifier, the person whose access log it is.
    /// </summary>
    public static T InLanguage<T>(string language, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Languages.IsSupported(language) ? language : Languages.Default);
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
