using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Passport.Application.Notifications;

namespace Passport.Web.Notifications;

public static class NotificationsHostingExtensions
{
    /// <summary>
    /// How the notification hub signs people in: a bearer token when one is sent (apps), otherwise the page's cookie,
    /// because the header badge of every static page connects too. The cookie counts only for a connection from this
    /// site itself (no <c>Origin</c>, or this host's), so another site cannot open a connection in a visitor's name;
    /// a refusal is a 401, never a redirect to the sign-in page.
    /// </summary>
    public const string HubScheme = "NotificationsHub";

    /// <summary>The notification centre's use cases run in Passport.Application; here its hub, its live push and its page words.</summary>
    public static IHostApplicationBuilder AddPassportNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<INotificationPush, GrainNotificationPush>();
        builder.Services.AddSingleton<NotificationConnections>();
        builder.Services.AddHostedService<NotificationRenewal>();
        builder.Services.AddAuthentication().AddPolicyScheme(HubScheme, null, options =>
        {
            options.ForwardDefaultSelector = context =>
                HasToken(context.Request) || !IsSameOrigin(context.Request) ? JwtBearerDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme;
            options.ForwardChallenge = JwtBearerDefaults.AuthenticationScheme;
            options.ForwardForbid = JwtBearerDefaults.AuthenticationScheme;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapNotificationsApi();
        endpoints.MapHub<NotificationsHub>(NotificationsHub.Path);
        return endpoints;
    }

    private static bool HasToken(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Query.ContainsKey("access_token");

    private static bool IsSameOrigin(HttpRequest request) =>
        request.Headers.Origin is not [{ } origin, ..]
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
}
