using Microsoft.Extensions.Localization;
using Passport.Web.Localization;

namespace Passport.Web.Hosting;

/// <summary>
/// RFC 9457 problem details with titles and details in the request's language. A use case's refusals, limits
/// included, become problems in <see cref="OutcomeResults"/>.
/// </summary>
public sealed class ApiProblems(IStringLocalizer<Texts> texts)
{
    public ProblemHttpResult Create(int status, string titleKey, string? detailKey = null, params object[] arguments) =>
        TypedResults.Problem(
            title: texts[titleKey].Value,
            detail: detailKey is null ? null : texts[detailKey, arguments].Value,
            statusCode: status);
}
