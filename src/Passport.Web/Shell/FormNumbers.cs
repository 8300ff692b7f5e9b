using System.Globalization;

namespace Passport.Web.Shell;

/// <summary>
/// Numbers typed into text fields. Forms bind them as text so that "abc" becomes an error we can word,
/// rather than a value the form binder silently drops.
/// </summary>
public static class FormNumbers
{
    /// <summary>Empty is a valid "no value"; anything else must be a whole number.</summary>
    public static bool TryParseOptional(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A whole number, or null when the field is empty or not a whole number: the domain's rules then word what is
    /// expected ("a number from 1 to 48"), which is the right answer to "abc" too.
    /// </summary>
    public static int? WholeOrNull(string? text) =>
        TryParseOptional(text, out var value) ? value : null;

    /// <summary>
    /// A decimal number such as a latitude, with a point or a comma (as Dutch, Danish and Norwegian write it);
    /// null when empty or unreadable, so the domain's range rule reports it.
    /// </summary>
    public static double? DecimalOrNull(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;

    /// <summary>A number as a form field shows it back: invariant, so it reads back the same in every language.</summary>
    public static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
