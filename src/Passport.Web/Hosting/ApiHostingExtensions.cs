using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Passport.Web.Accounts;
using Passport.Web.Localization;
using Passport.Web.Matching;
using Passport.Web.Sharing;

namespace Passport.Web.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>Problem details for every error, JSON conventions, rate limits and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddPassportApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            // The framework's own problems (401, 403, 404, 500) carry an English reason phrase; say it in the caller's language.
            if (problem.Status is { } status && (problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status)))
            {
                var title = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Texts>>()[$"Problem.Status.{status}"];
                if (!title.ResourceNotFound)
                {
                    problem.Title = title.Value;
                }
            }
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Unreadable input throws, so ApiExceptionHandler can answer it with a clear problem instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddScoped<ApiProblems>();

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(AuthApi.RateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AuthPermitsPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
            options.AddPolicy(ShareLinksApi.RateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ShareLinkPermitsPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
            options.AddPolicy(EmployerMatchesApi.MatchesRateLimitPolicy, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                // Per organisation, not per address or person: staff of one employer share the allowance. Only
                // employers reach these routes (authorisation runs first), and every employer has an organisation.
                var organisation = context.User.GetOrganisationId()?.ToString() ?? "none";
                return RateLimitPartition.GetFixedWindowLimiter(
                    organisation,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.MatchPermitsPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var texts = http.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = texts["Problem.TooManyRequests.Title"], Detail = texts["Problem.TooManyRequests.Detail"] },
                });
            };
        });

        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Passport API";
            document.Info.Description = "Skills passport platform. Obtain a token with POST /api/auth/login and send it as 'Authorization: Bearer <token>'.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Token from POST /api/auth/login.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
        return builder;
    }
}
