using Passport.Application.Notifications;
using Passport.Data.Notifications;
using Passport.Web.Hosting;

namespace Passport.Web.Notifications;

/// <summary>
/// The caller's own notification centre, <c>/api/me/notifications</c> and <c>/api/me/notification-channels</c>: for any
/// signed-in person, only ever their own messages (another person's id is the same 404 as an unknown one).
/// </summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var me = endpoints.MapGroup("/api/me/notifications").WithTags("Notifications").RequireAuthorization();
        me.MapGet("/", ListAsync).WithSummary("Your notifications, newest first").WithPaging();
        me.MapGet("/unread-count", UnreadCountAsync).WithSummary("How many of your notifications you have not read");
        me.MapPost("/{id:guid}/read", MarkReadAsync).WithSummary("Mark one of your notifications read")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPost("/read-all", MarkAllReadAsync).WithSummary("Mark all your notifications read");

        var channels = endpoints.MapGroup("/api/me/notification-channels").WithTags("Notifications").RequireAuthorization();
        channels.MapGet("/", GetChannelsAsync).WithSummary("How you want to be told things: in the app, by e-mail, or both");
        channels.MapPut("/", SetChannelsAsync).WithSummary("Choose how you want to be told things; reminders and notices go only where you choose")
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<Ok<NotificationResponse[]>> ListAsync(ListPage page, HttpContext context, MyNotifications mine) =>
        page.Ok((await mine.ListAsync(context.User, page.Request, context.RequestAborted)).Select(NotificationResponse.From));

    private static async Task<Ok<UnreadCountResponse>> UnreadCountAsync(HttpContext context, MyNotifications mine) =>
        TypedResults.Ok(new UnreadCountResponse(await mine.CountUnreadAsync(context.User, context.RequestAborted)));

    private static async Task<Results<Ok<NotificationResponse>, ValidationProblem, ProblemHttpResult>> MarkReadAsync(
        Guid id, HttpContext context, MyNotifications mine, OutcomeResults results) =>
        results.ToHttp(await mine.MarkReadAsync(context.User, id, context.RequestAborted), read => TypedResults.Ok(NotificationResponse.From(read)));

    private static async Task<Results<Ok<UnreadCountResponse>, ValidationProblem, ProblemHttpResult>> MarkAllReadAsync(
        HttpContext context, MyNotifications mine, OutcomeResults results) =>
        results.ToHttp(await mine.MarkAllReadAsync(context.User, context.RequestAborted), _ => TypedResults.Ok(new UnreadCountResponse(0)));

    private static async Task<Ok<ChannelsBody>> GetChannelsAsync(HttpContext context, MyNotifications mine) =>
        TypedResults.Ok(ChannelsBody.From(await mine.GetChannelsAsync(context.User, context.RequestAborted)));

    private static async Task<Results<Ok<ChannelsBody>, ValidationProblem, ProblemHttpResult>> SetChannelsAsync(
        ChannelsBody body, HttpContext context, MyNotifications mine, OutcomeResults results) =>
        results.ToHttp(await mine.SetChannelsAsync(context.User, body.InApp, body.Email, context.RequestAborted), channels => TypedResults.Ok(ChannelsBody.From(channels)));

    /// <summary>A notification in answers: <c>link</c> is a path inside the site; <c>readAt</c> is null while unread.</summary>
    public sealed record NotificationResponse(Guid Id, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, bool Read)
    {
        public static NotificationResponse From(StoredNotification notification)
        {
            ArgumentNullException.ThrowIfNull(notification);
            return new(notification.Id, notification.Kind, notification.Title, notification.Body, notification.Link, notification.CreatedAt, notification.ReadAt, notification.IsRead);
        }
    }

    public sealed record UnreadCountResponse(int Unread);

    /// <summary>Both members are required, in the body and in the answer.</summary>
    public sealed record ChannelsBody(bool? InApp, bool? Email)
    {
        public static ChannelsBody From(NotificationChannels channels)
        {
            ArgumentNullException.ThrowIfNull(channels);
            return new(channels.InApp, channels.Email);
        }
    }
}
