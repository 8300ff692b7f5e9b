using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Passport.Application.Email;

/// <summary>
/// Makes the absolute links in e-mails: against <c>Email:PublicBaseUrl</c>, or else the host's own first address
/// (https before http; a wildcard address becomes localhost), read when the first link is made, after the server started.
/// </summary>
public sealed class EmailLinks(IOptions<EmailOptions> options, IServiceProvider services)
{
    private Uri? _base;

    public Uri BaseUrl => _base ??= Resolve();

    /// <summary>The absolute address of <paramref name="pathAndQuery"/> (starting with <c>/</c>), e.g. <c>/invitations/accept?token=…</c>.</summary>
    public Uri To(string pathAndQuery)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathAndQuery);
        if (!pathAndQuery.StartsWith('/') || pathAndQuery.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{pathAndQuery}' is not a path on this site.", nameof(pathAndQuery));
        }

        return new Uri(BaseUrl, pathAndQuery.TrimStart('/'));
    }

    private Uri Resolve()
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return WithSlash(new Uri(configured, UriKind.Absolute));
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderBy(address => address.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (chosen is null)
        {
            return new Uri("http://localhost/");
        }

        // Kestrel lists what it listens on, which may be every interface; a link needs a name to reach.
        chosen = chosen.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(chosen, UriKind.Absolute, out var uri) ? WithSlash(uri) : new Uri("http://localhost/");
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
