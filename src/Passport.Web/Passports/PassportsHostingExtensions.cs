namespace Passport.Web.Passports;

public static class PassportsHostingExtensions
{
    /// <summary>The passport beside the measured skills: experiences, endorsements and the skills' history.</summary>
    public static IEndpointRouteBuilder MapPassportRecords(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapExperiencesApi();
        endpoints.MapEndorsementsApi();
        endpoints.MapSkillHistoryApi();
        return endpoints;
    }
}
