using Passport.Application.Sharing;
using Passport.Domain.Consent;
using Passport.Domain.Sharing;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Sharing;

/// <summary>
/// <c>/api/me/share-links</c>: the owner makes, lists and revokes links; <c>/api/shared/{token}</c>: anyone holding a
/// link reads what it shows. An unknown, revoked or expired token, and another owner's link id, are all simply
/// not found.
/// </summary>
public static class ShareLinksApi
{
    /// <summary>The rate-limit policy of the public link routes (API and page), so tokens cannot be tried at speed.</summary>
    public const string RateLimitPolicy = "share-links";

    public static IEndpointRouteBuilder MapShareLinksApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me/share-links").WithTags("Share links").RequireAuthorization(Policies.JobSeeker);
        group.MapPost("/", CreateAsync).WithSummary("Make a time-limited link (and QR code) to some categories of your data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync).WithSummary("Your share links, newest first (without their tokens)").WithPaging();
        group.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Stop a share link now")
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapGet($"/api{ShareLinkAddresses.PublicPath}/{{token}}", OpenAsync).WithTags("Share links")
            .WithSummary("What a share link shows: only the categories its owner chose. Every open is in the owner's access log.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return endpoints;
    }

    public sealed record CreateShareLinkRequest(IReadOnlyList<string?>? Categories, DateTimeOffset? ExpiresAt, string? Label);

    private static async Task<Results<Created<CreatedShareLinkResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateShareLinkRequest request, HttpContext context, ShareLinkService service, OutcomeResults results) =>
        results.ToHttp(
            await service.CreateAsync(
                context.User.GetUserId()!.Value, new ShareLinkInput(request.Categories, request.ExpiresAt, request.Label), context.RequestAborted),
            created =>
            {
                var link = created.Link;
                var url = ShareLinkAddresses.PublicUrl(context.Request, created.Token);
                return TypedResults.Created(
                    "/api/me/share-links",
                    new CreatedShareLinkResponse(
                        link.Id, url, created.Token, ShareLinkAddresses.QrSvg(url), [.. link.Categories.Select(DataCategories.Name)], link.Label, link.ExpiresAt));
            });

    private static async Task<Ok<ShareLinkResponse[]>> ListAsync(ListPage page, HttpContext context, ShareLinkService service)
    {
        var links = await service.ListAsync(context.User.GetUserId()!.Value, page.Request, context.RequestAborted);
        return page.Ok(links.Select(ShareLinkResponse.From));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, HttpContext context, ShareLinkService service, ApiProblems problems) =>
        await service.RevokeAsync(context.User.GetUserId()!.Value, id, context.RequestAborted)
            ? TypedResults.NoContent()
            : problems.Create(StatusCodes.Status404NotFound, "ShareLinks.Problem.NotFound.Title", "ShareLinks.Problem.NotFound.Detail");

    private static async Task<Results<Ok<SharedLinkPassport>, ProblemHttpResult>> OpenAsync(string token, HttpContext context, ShareLinkService service, ApiProblems problems)
    {
        var opened = await service.OpenAsync(token, context.RequestAborted);
        return opened is null
            ? problems.Create(StatusCodes.Status404NotFound, "ShareLinks.Problem.Closed.Title", "ShareLinks.Problem.Closed.Detail")
            : TypedResults.Ok(SharedLinkPassport.From(opened.Passport));
    }
}
