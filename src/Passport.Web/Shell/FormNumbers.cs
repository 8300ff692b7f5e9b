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
}
