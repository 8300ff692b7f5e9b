namespace Passport.Web.Hosting;

public static class ClientAddress
{
    /// <summary>
    /// The client's IP address as rate limits and the sign-in lockout key on it: the socket's peer, or, behind a
    /// configured proxy, the address that proxy forwarded (<c>UseForwardedHeaders</c> has run by then).
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
