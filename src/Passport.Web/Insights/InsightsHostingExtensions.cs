namespace Passport.Web.Insights;

public static class InsightsHostingExtensions
{
    /// <summary>The insights' one calculation, shared by <c>/api/education/insights</c> and the page <c>/education/insights</c>.</summary>
    public static IHostApplicationBuilder AddPassportInsights(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<InsightsService>();
        return builder;
    }
}
