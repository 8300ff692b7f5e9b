using Microsoft.Extensions.Localization;
using Passport.Application.Localization;

namespace Passport.Web.Localization;

/// <summary>The CLDR plural categories the product's four languages use for cardinal numbers.</summary>
public enum PluralCategory
{
    One,
    Other,
}

/// <summary>
/// Plurals as ICU MessageFormat chooses them: a text that shows a count has one resource per plural category of the
/// language (<c>Key.One</c>, <c>Key.Other</c>), and the count picks one by the CLDR cardinal rules. English, Dutch,
/// Danish and Norwegian bokmål have only "one" and "other", but their rules differ for decimals (Danish "1,5 time"
/// is "one"; English "1.0 hours" is "other"), so each language has its own rule, not a check for 1.
/// </summary>
public static class Plurals
{
    /// <summary>
    /// The category of <paramref name="number"/> in <paramref name="language"/> (CLDR plurals.xml, cardinal). CLDR's
    /// operands: n the absolute value, i its integer digits, v the number of visible fraction digits (1.50 has v = 2,
    /// as a decimal keeps its scale), t the fraction digits without trailing zeros.
    /// </summary>
    public static PluralCategory Of(string language, decimal number)
    {
        ArgumentNullException.ThrowIfNull(language);
        var n = Math.Abs(number);
        var i = decimal.Truncate(n);
        var v = n.Scale;
        var hasFraction = n != i;
        var one = language switch
        {
            // en, nl: one → i = 1 and v = 0.
            "en" or "nl" => i == 1 && v == 0,
            // da: one → n = 1 or t != 0 and i = 0,1.
            "da" => n == 1 || (hasFraction && i <= 1),
            // nb (and no): one → n = 1.
            "nb" or "no" => n == 1,
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No plural rules for this language."),
        };
        return one ? PluralCategory.One : PluralCategory.Other;
    }

    /// <summary>The resource key for <paramref name="count"/> in the current language: <c>Key.One</c> or <c>Key.Other</c>.</summary>
    public static string Key(string key, decimal count) => $"{key}.{Of(TextLanguage.Current(), count)}";

    /// <summary>
    /// The text <c>Key.One</c> or <c>Key.Other</c> for <paramref name="count"/>, formatted with
    /// <paramref name="arguments"/>, or with the count alone when none are given.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, decimal count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[Key(key, count), arguments.Length == 0 ? [count] : arguments];
    }
}
