namespace Passport.Web.Hosting;

public static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> if it is a path on this site, else <paramref name="fallback"/>: return addresses
    /// must not turn sign-in or the language switch into an open redirect (//evil.example, /\evil.example).
    /// </summary>
    public static string OrFallback(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/')
            && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : fallback;
}
