using Microsoft.Extensions.Localization;
using Passport.Application.Accounts;
using Passport.Application.Appointments;
using Passport.Application.PersonalData;
using Passport.Domain.Appointments;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Appointments;

/// <summary>
/// Appointments: <c>/api/people/{personId}/appointments</c> for a coach whose organisation holds the person's
/// <c>plan</c> consent (anything else is the same 404); <c>/api/me/appointments</c> and <c>/api/me/calendar-feed</c> for
/// the young person; and the public calendar feed <c>/calendar/{token}.ics</c>, which needs no sign-in because its
/// address is the secret.
/// </summary>
public static class AppointmentsApi
{
    /// <summary>The rate-limit policy of the public feed, so tokens cannot be tried at speed.</summary>
    public const string FeedRateLimitPolicy = "calendar-feeds";

    /// <summary>Where the public feed answers; the token follows, then <c>.ics</c>.</summary>
    public const string FeedPath = "/calendar";

    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var staff = endpoints.MapGroup("/api/people/{personId:guid}/appointments").WithTags("Appointments").RequireAuthorization(Policies.Coach);
        staff.MapPost("/", BookAsync).WithSummary("Book an appointment with a person who shares their plan with your organisation")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapGet("/", ListForPersonAsync).WithSummary("A person's appointments with your organisation, earliest first").WithPaging()
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPut("/{id:guid}", MoveAsync).WithSummary("Move one of your organisation's appointments to new times or details; the person is asked again")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:guid}/attendance", MarkAttendanceAsync).WithSummary("Mark one of your organisation's appointments that has begun as taken place or missed")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/{id:guid}/cancel", CancelForPersonAsync).WithSummary("Cancel one of your organisation's appointments, with a reason for the person")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var me = endpoints.MapGroup("/api/me/appointments").WithTags("Appointments").RequireAuthorization(Policies.JobSeeker);
        me.MapGet("/", ListMineAsync).WithSummary("Your appointments: upcoming ones first (soonest first), then cancelled and past ones (latest first)").WithPaging();
        me.MapGet("/{id:guid}", GetMineAsync).WithSummary("One of your appointments").ProducesProblem(StatusCodes.Status404NotFound);
        me.MapGet("/{id:guid}.ics", DownloadAsync).WithSummary("One of your appointments as an iCalendar file")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapPost("/{id:guid}/confirm", ConfirmAsync).WithSummary("Say you will come")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        me.MapPost("/{id:guid}/reschedule-request", RequestRescheduleAsync).WithSummary("Ask for another time, with a message")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        me.MapPost("/{id:guid}/cancel", CancelMineAsync).WithSummary("Cancel an appointment, with a reason")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var feed = endpoints.MapGroup("/api/me/calendar-feed").WithTags("Appointments").RequireAuthorization(Policies.JobSeeker);
        feed.MapGet("/", GetFeedAsync).WithSummary("The secret address of your calendar feed; made now if you have none");
        feed.MapPost("/", RotateFeedAsync).WithSummary("A new address for your calendar feed; the old one stops working at once");
        feed.MapDelete("/", RevokeFeedAsync).WithSummary("Stop your calendar feed; its address stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapGet($"{FeedPath}/{{token}}.ics", OpenFeedAsync).WithTags("Appointments")
            .WithSummary("A calendar feed (RFC 5545): the owner's appointments, for a phone calendar to subscribe to. No sign-in; the address is the secret.")
            .AllowAnonymous()
            .RequireRateLimiting(FeedRateLimitPolicy)
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        // The same download for the pages, which sign in with a cookie (the API takes tokens only).
        endpoints.MapGet("/appointments/{id:guid}.ics", DownloadAsync).RequireAuthorization(Policies.JobSeeker).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The absolute address of a feed, on the host the owner used.</summary>
    public static string FeedUrl(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{FeedPath}/{token}.ics";
    }

    private static async Task<Results<Created<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> BookAsync(
        Guid personId, AppointmentBody body, HttpContext context, AppointmentDesk desk, OutcomeResults results, TimeProvider time) =>
        await results.ToHttpAsync(
            await desk.BookAsync(context.User, personId, body.ToInput(), AccessChannel.Api, context.RequestAborted),
            async booked => TypedResults.Created(
                $"/api/people/{personId}/appointments/{booked.Id}", await ForStaffAsync(desk, booked, time, context.RequestAborted)));

    private static async Task<Results<Ok<AppointmentResponse[]>, ValidationProblem, ProblemHttpResult>> ListForPersonAsync(
        Guid personId, ListPage page, HttpContext context, AppointmentDesk desk, OutcomeResults results, TimeProvider time) =>
        await results.ToHttpAsync(
            await desk.ListAsync(context.User, personId, AccessChannel.Api, context.RequestAborted),
            async list =>
            {
                var shown = page.Request.Of(list).ToList();
                var reminders = await desk.RemindersAsync(personId, shown, context.RequestAborted);
                return page.Ok(shown.Select(appointment => AppointmentResponse.ForStaff(appointment, time.GetUtcNow(), reminders)));
            });

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid personId, Guid id, AppointmentBody body, HttpContext context, AppointmentDesk desk, OutcomeResults results, TimeProvider time) =>
        await results.ToHttpAsync(
            await desk.MoveAsync(context.User, personId, id, body.ToInput(), AccessChannel.Api, context.RequestAborted),
            async moved => TypedResults.Ok(await ForStaffAsync(desk, moved, time, context.RequestAborted)));

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> CancelForPersonAsync(
        Guid personId, Guid id, CancelBody body, HttpContext context, AppointmentDesk desk, OutcomeResults results, TimeProvider time) =>
        await results.ToHttpAsync(
            await desk.CancelAsync(context.User, personId, id, body.Reason, AccessChannel.Api, context.RequestAborted),
            async cancelled => TypedResults.Ok(await ForStaffAsync(desk, cancelled, time, context.RequestAborted)));

    /// <param name="Attendance"><c>tookPlace</c> or <c>missed</c>.</param>
    public sealed record AttendanceBody(string? Attendance);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MarkAttendanceAsync(
        Guid personId, Guid id, AttendanceBody? body, HttpContext context, AppointmentDesk desk, OutcomeResults results) =>
        results.ToHttp(
            await desk.MarkAttendanceAsync(context.User, personId, id, body?.Attendance, AccessChannel.Api, context.RequestAborted),
            _ => TypedResults.NoContent());

    /// <summary>A person's appointments stay few (staff book them one by one), so a page is cut from the whole ordered list.</summary>
    private static async Task<Ok<AppointmentResponse[]>> ListMineAsync(ListPage page, HttpContext context, MyAppointments mine, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var list = await mine.ListAsync(context.User.GetUserId()!.Value, context.RequestAborted);
        return page.Ok(page.Request.Of(list).Select(appointment => AppointmentResponse.ForPerson(appointment, now)));
    }

    private static async Task<Results<Ok<AppointmentResponse>, ProblemHttpResult>> GetMineAsync(
        Guid id, HttpContext context, MyAppointments mine, ApiProblems problems, TimeProvider time) =>
        await mine.FindAsync(context.User.GetUserId()!.Value, id, context.RequestAborted) is { } appointment
            ? TypedResults.Ok(AppointmentResponse.ForPerson(appointment, time.GetUtcNow()))
            : NotFound(problems);

    private static async Task<IResult> DownloadAsync(
        Guid id, HttpContext context, MyAppointments mine, AppointmentWords words, IStringLocalizer<Texts> texts, ApiProblems problems)
    {
        if (await mine.FindAsync(context.User.GetUserId()!.Value, id, context.RequestAborted) is not { } appointment)
        {
            return NotFound(problems);
        }

        var calendar = AppointmentCalendar.Write(texts["Appointments.Calendar.Name"], [words.Entry(appointment)]);
        return TypedResults.File(
            System.Text.Encoding.UTF8.GetBytes(calendar), AppointmentCalendar.MediaType, $"appointment-{appointment.Details.StartsAt:yyyy-MM-dd}.ics");
    }

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        Guid id, HttpContext context, MyAppointments mine, OutcomeResults results, TimeProvider time) =>
        results.ToHttp(
            await mine.ConfirmAsync(context.User.GetUserId()!.Value, id, context.RequestAborted),
            confirmed => TypedResults.Ok(AppointmentResponse.ForPerson(confirmed, time.GetUtcNow())));

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> RequestRescheduleAsync(
        Guid id, RescheduleBody body, HttpContext context, MyAppointments mine, OutcomeResults results, TimeProvider time) =>
        results.ToHttp(
            await mine.RequestRescheduleAsync(context.User.GetUserId()!.Value, id, body.Message, context.RequestAborted),
            requested => TypedResults.Ok(AppointmentResponse.ForPerson(requested, time.GetUtcNow())));

    private static async Task<Results<Ok<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> CancelMineAsync(
        Guid id, CancelBody body, HttpContext context, MyAppointments mine, OutcomeResults results, TimeProvider time) =>
        results.ToHttp(
            await mine.CancelAsync(context.User.GetUserId()!.Value, id, body.Reason, context.RequestAborted),
            cancelled => TypedResults.Ok(AppointmentResponse.ForPerson(cancelled, time.GetUtcNow())));

    private static async Task<Ok<CalendarFeedResponse>> GetFeedAsync(HttpContext context, CalendarFeeds feeds) =>
        TypedResults.Ok(new CalendarFeedResponse(FeedUrl(context.Request, await feeds.GetOrCreateAsync(context.User.GetUserId()!.Value, context.RequestAborted))));

    private static async Task<Ok<CalendarFeedResponse>> RotateFeedAsync(HttpContext context, CalendarFeeds feeds) =>
        TypedResults.Ok(new CalendarFeedResponse(FeedUrl(context.Request, await feeds.RotateAsync(context.User.GetUserId()!.Value, context.RequestAborted))));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeFeedAsync(HttpContext context, CalendarFeeds feeds, ApiProblems problems) =>
        await feeds.RevokeAsync(context.User.GetUserId()!.Value, context.RequestAborted)
            ? TypedResults.NoContent()
            : problems.Create(StatusCodes.Status404NotFound, "Appointments.Problem.NoFeed.Title", "Appointments.Problem.NoFeed.Detail");

    /// <summary>
    /// The feed in its owner's language (a calendar app sends no useful one). Unknown and revoked tokens get the same
    /// 404, so an old address reveals nothing, not even that it once worked.
    /// </summary>
    private static async Task<IResult> OpenFeedAsync(
        string token, HttpContext context, CalendarFeeds feeds, AppointmentWords words, IStringLocalizer<Texts> texts, ApiProblems problems)
    {
        if (await feeds.OpenAsync(token, context.RequestAborted) is not { } opened)
        {
            return problems.Create(StatusCodes.Status404NotFound, "Appointments.Problem.FeedNotFound.Title", "Appointments.Problem.FeedNotFound.Detail");
        }

        var calendar = AppointmentWords.WriteIn(
            opened.Language,
            () => [.. opened.Appointments.Select(words.Entry)],
            () => texts["Appointments.Calendar.Name"]);
        return TypedResults.Text(calendar, AppointmentCalendar.MediaType);
    }

    private static async Task<AppointmentResponse> ForStaffAsync(AppointmentDesk desk, Appointment appointment, TimeProvider time, CancellationToken cancellationToken) =>
        AppointmentResponse.ForStaff(appointment, time.GetUtcNow(), await desk.RemindersAsync(appointment.PersonId, [appointment], cancellationToken));

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Appointments.Problem.NotFound.Title", "Appointments.Problem.NotFound.Detail");
}
