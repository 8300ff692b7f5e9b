using Passport.Matching;
using Passport.Matching.Candidates;
using Passport.Matching.Training;

namespace Passport.Web.Matching;

public static class MatchingHostingExtensions
{
    /// <summary>
    /// Matching: the candidate pool, the ranker's models (trained from the simulated market at the first start) and
    /// the retraining job; employers' candidate lists and job seekers' own matches are use cases of the application layer.
    /// </summary>
    public static IHostApplicationBuilder AddPassportMatching(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.DefaultTop <= options.MaxTop, "Matching:DefaultTop must not exceed Matching:MaxTop.")
            .Validate(options => options.PoolRefresh >= TimeSpan.Zero && options.ModelCheck >= TimeSpan.Zero, "Matching:PoolRefresh and Matching:ModelCheck must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<CandidateProfileReader>();
        services.AddSingleton<CandidatePool>();
        services.AddSingleton<TypicalCandidates>();
        services.AddSingleton<RankerStore>();
        services.AddHostedService<RankerWarmUp>();
        services.AddHostedService<RetrainingJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapEmployerMatchesApi();
        endpoints.MapMyMatchesApi();
        endpoints.MapRankerAdminApi();
        return endpoints;
    }
}
