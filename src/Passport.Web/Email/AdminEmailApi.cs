using System.Text;
using Passport.Application.Email;
using Passport.Data.Email;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.Email;

/// <summary>
/// <c>/api/admin/email</c>: the outbox as an Admin sees it (docs/email.md): every message with where its delivery
/// stands, the <c>.eml</c> file of one written to the pickup folder, and a test message to the Admin's own address.
/// </summary>
public static class AdminEmailApi
{
    public static IEndpointRouteBuilder MapAdminEmailApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/email").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync).WithSummary("Outgoing e-mail, newest first").WithPaging();
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One outgoing e-mail, with its text").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/eml", FileAsync).WithSummary("The .eml file written to the pickup folder")
            .Produces(StatusCodes.Status200OK, contentType: "message/rfc822")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/test", SendTestAsync).WithSummary("Queue a test e-mail to the signed-in Admin's own address")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>One outbox message; <c>status</c> is pending, sent or failed.</summary>
    public sealed record EmailResponse(
        Guid Id, string MessageId, string Status, string Kind, string To, string Language, string Subject, DateTimeOffset CreatedAt,
        DateTimeOffset DueAt, DateTimeOffset? SentAt, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError)
    {
        public static EmailResponse From(OutboxMessage message, string from)
        {
            ArgumentNullException.ThrowIfNull(message);
            return new(
                message.Id, EmailMessages.MessageId(message.Id, MimeKit.MailboxAddress.Parse(from)), message.Status.ToLowerInvariant(), message.Kind,
                message.Recipient, message.Language, message.Subject, message.CreatedAt, message.DueAt, message.SentAt, message.Attempts,
                message.Status == OutboxStatus.Pending ? message.NextAttemptAt : null, message.LastError);
        }
    }

    /// <summary>One outbox message with both parts.</summary>
    public sealed record EmailDetailResponse(EmailResponse Email, string Text, string Html);

    private static async Task<Ok<EmailResponse[]>> ListAsync(
        ListPage page, EmailDesk desk, Microsoft.Extensions.Options.IOptions<EmailOptions> options, CancellationToken cancellationToken) =>
        page.Ok((await desk.ListAsync(page.Request, cancellationToken)).Select(message => EmailResponse.From(message, options.Value.From)));

    private static async Task<Results<Ok<EmailDetailResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id, EmailDesk desk, OutcomeResults results, Microsoft.Extensions.Options.IOptions<EmailOptions> options, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.FindAsync(id, cancellationToken),
            message => TypedResults.Ok(new EmailDetailResponse(EmailResponse.From(message, options.Value.From), message.Text, message.Html)));

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> FileAsync(
        Guid id, EmailDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.ReadFileAsync(id, cancellationToken),
            content => TypedResults.File(Encoding.UTF8.GetBytes(content), "message/rfc822", $"{id:N}.eml"));

    private static async Task<Results<Accepted<EmailResponse>, ValidationProblem, ProblemHttpResult>> SendTestAsync(
        HttpContext context, EmailDesk desk, OutcomeResults results, Microsoft.Extensions.Options.IOptions<EmailOptions> options, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.SendTestAsync(context.User.GetUserId() ?? Guid.Empty, cancellationToken),
            message => TypedResults.Accepted($"/api/admin/email/{message.Id}", EmailResponse.From(message, options.Value.From)));
}
