using Microsoft.Extensions.Localization;
using Passport.Application.Staff;
using Passport.Data.Staff;
using Passport.Domain.Staff;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.OrganisationStaff;

/// <summary>
/// The staff of organisations and password reset. An administrator invites an organisation's first staff member
/// (<c>/api/admin/organisations/{id}/invitations</c>); staff with the organisation-admin right invite colleagues, list
/// the staff and deactivate leavers (<c>/api/organisation/...</c>, others get 403, and the organisation always comes
/// from the caller's token). Accepting an invitation and resetting a password need no sign-in and are rate-limited
/// like signing in (<c>/api/auth/...</c>).
/// </summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/admin/organisations/{id:guid}/invitations", InviteAsAdminAsync)
            .WithTags("Administration").RequireAuthorization(Policies.Admin)
            .WithSummary("Invite someone by e-mail to an organisation's staff (usually its first staff member)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var organisation = endpoints.MapGroup("/api/organisation").WithTags("Organisations").RequireAuthorization(Policies.Staff);
        organisation.MapPost("/invitations", InviteColleagueAsync)
            .WithSummary("Invite a colleague by e-mail (organisation admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        organisation.MapGet("/staff", StaffAsync)
            .WithSummary("Your organisation's staff and open invitations (organisation admins)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        organisation.MapPost("/staff/{userId:guid}/deactivate", DeactivateAsync)
            .WithSummary("Deactivate a leaver; the successor takes over their people (organisation admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var auth = endpoints.MapGroup("/api/auth").WithTags("Accounts").RequireRateLimiting(AuthApi.RateLimitPolicy);
        auth.MapPost("/invitations/accept", AcceptAsync)
            .WithSummary("Accept an invitation: choose a display name and a password; sign in next")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapPost("/password-reset", RequestResetAsync)
            .WithSummary("Ask for a password-reset link by e-mail")
            .WithDescription("Answers 202 for every well-formed address, whether it has an account or not.")
            .ProducesValidationProblem();
        auth.MapPost("/password-reset/confirm", ConfirmResetAsync)
            .WithSummary("Set a new password with the link's token; every earlier session and token ends")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record InvitationBody(string? Email, bool OrganisationAdmin);

    public sealed record DeactivationBody(Guid? SuccessorUserId);

    public sealed record AcceptBody(string? Token, string? Password, string? DisplayName);

    public sealed record ResetBody(string? Email);

    public sealed record ResetConfirmBody(string? Token, string? Password);

    public sealed record InvitationResponse(Guid Id, Guid OrganisationId, string Email, bool OrganisationAdmin, DateTimeOffset ExpiresAt);

    public sealed record StaffMemberResponse(
        Guid Id, string Email, string DisplayName, bool OrganisationAdmin, bool Active, DateTimeOffset? DeactivatedAt, Guid? SuccessorUserId)
    {
        public static StaffMemberResponse From(StaffMemberRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return new(row.Id, row.Email, row.DisplayName, row.OrganisationAdmin, row.IsActive, row.DeactivatedAt, row.SuccessorUserId);
        }
    }

    public sealed record PendingInvitationResponse(Guid Id, string Email, bool OrganisationAdmin, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

    public sealed record StaffResponse(Guid OrganisationId, string OrganisationName, StaffMemberResponse[] Staff, PendingInvitationResponse[] Invitations);

    public sealed record AcceptedResponse(Guid UserId, string Email, Guid OrganisationId, string Role);

    /// <summary>The body of <c>202 Accepted</c> after asking for a reset.</summary>
    public sealed record ResetAccepted(string Detail);

    private static InvitationResponse ToResponse(SentInvitation sent) => new(sent.Id, sent.OrganisationId, sent.Email, sent.OrganisationAdmin, sent.ExpiresAt);

    private static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> InviteAsAdminAsync(
        Guid id, InvitationBody body, HttpContext context, StaffDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.InviteAsAdminAsync(context.User, id, new InvitationRequest(body.Email, body.OrganisationAdmin), cancellationToken),
            sent => TypedResults.Created((string?)null, ToResponse(sent)));

    private static async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> InviteColleagueAsync(
        InvitationBody body, HttpContext context, StaffDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.InviteColleagueAsync(context.User, new InvitationRequest(body.Email, body.OrganisationAdmin), cancellationToken),
            sent => TypedResults.Created("/api/organisation/staff", ToResponse(sent)));

    private static async Task<Results<Ok<StaffResponse>, ValidationProblem, ProblemHttpResult>> StaffAsync(
        HttpContext context, StaffDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.OverviewAsync(context.User, cancellationToken),
            overview => TypedResults.Ok(new StaffResponse(
                overview.Organisation.Id,
                overview.Organisation.Name,
                [.. overview.Staff.Select(StaffMemberResponse.From)],
                [.. overview.PendingInvitations.Select(row => new PendingInvitationResponse(row.Id, row.Email, row.OrganisationAdmin, row.CreatedAt, row.ExpiresAt))])));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeactivateAsync(
        Guid userId, DeactivationBody body, HttpContext context, StaffDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(await desk.DeactivateAsync(context.User, userId, body.SuccessorUserId, cancellationToken), _ => TypedResults.NoContent());

    private static async Task<Results<Created<AcceptedResponse>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        AcceptBody body, StaffDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.AcceptAsync(new InvitationAcceptance(body.Token, body.Password, body.DisplayName), cancellationToken),
            accepted => TypedResults.Created("/api/auth/login", new AcceptedResponse(accepted.UserId, accepted.Email, accepted.OrganisationId, accepted.Role)));

    private static async Task<Results<Accepted<ResetAccepted>, ValidationProblem, ProblemHttpResult>> RequestResetAsync(
        ResetBody body, PasswordResets resets, OutcomeResults results, IStringLocalizer<Texts> texts, CancellationToken cancellationToken) =>
        results.ToHttp(
            await resets.RequestAsync(body.Email, cancellationToken),
            _ => TypedResults.Accepted((string?)null, new ResetAccepted(texts["PasswordReset.Accepted"])));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmResetAsync(
        ResetConfirmBody body, PasswordResets resets, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(await resets.ConfirmAsync(body.Token, body.Password, cancellationToken), _ => TypedResults.NoContent());
}
