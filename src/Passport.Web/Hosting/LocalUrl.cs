using System.Text;

namespace Passport.Web.Hosting;

public static class LocalUrl
{
    /// <summary>Longer return addresses are not ours: no page of this site has one near this long.</summary>
    public const int MaxLength = 2048;

    /// <summary>
    /// <paramref name="url"/> if it is a path on this site, else <paramref name="fallback"/>: return addresses
    /// must not turn sign-in or the language switch into an open redirect (//evil.example, /\evil.example, and
    /// /&lt;tab&gt;/evil.example, which browsers read as //evil.example once they drop the tab). Letters outside ASCII
    /// come back percent-encoded, since a <c>Location</c> header carries ASCII only.
    /// </summary>
    public static string OrFallback(string? url, string fallback)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/'
            || (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
            || url.Any(char.IsControl))
        {
            return fallback;
        }

        return url.All(char.IsAscii) ? url : EscapeNonAscii(url);
    }

    private static string EscapeNonAscii(string url)
    {
        var escaped = new StringBuilder(url.Length * 2);
        foreach (var rune in url.EnumerateRunes())
        {
            escaped.Append(rune.IsAscii ? rune.ToString() : Uri.EscapeDataString(rune.ToString()));
        }

        return escaped.ToString();
    }
}
