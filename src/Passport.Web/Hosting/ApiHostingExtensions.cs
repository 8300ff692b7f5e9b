using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Passport.Application;
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
        // Kestrel reads only its endpoints from configuration by itself; its limits (Kestrel:Limits:MaxRequestBodySize,
        // so a body over 1 MiB is refused with 413 before anything reads it) are bound here.
        services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));
        // Unreadable input throws, so ApiExceptionHandler can answer it with a clear problem instead of an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        services.AddScoped<ApiProblems>();
        services.AddScoped<OutcomeResults>();
        // OutcomeResults sets Retry-After on the answer it makes.
        services.AddHttpContextAccessor();

        // Links the host builds and the host names it answers to must not follow a Host header chosen by the caller.
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<HostFilteringOptions>()
            .Validate(options => development || (options.AllowedHosts.Count > 0 && !options.AllowedHosts.Contains("*")),
                "AllowedHosts must list the host names this deployment answers to (e.g. passport.example.org;localhost), not '*', outside Development.")
            .ValidateOnStart();

        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            // Sign-up and sign-in, through the API and the pages' form posts alike (viewing the pages is not counted).
            options.AddPolicy(AuthApi.RateLimitPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? PerClientPerMinute(context, limits => limits.AuthPermitsPerMinute)
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(ShareLinksApi.RateLimitPolicy, context => PerClientPerMinute(context, limits => limits.ShareLinkPermitsPerMinute));
            options.AddPolicy(Appointments.AppointmentsApi.FeedRateLimitPolicy, context => PerClientPerMinute(context, limits => limits.CalendarFeedPermitsPerMinute));
            // Per organisation, not per address or person: staff of one employer share the allowance. Only employers reach
            // these routes (authorisation runs first), and every employer has an organisation.
            options.AddPolicy(EmployerMatchesApi.MatchesRateLimitPolicy, context =>
                PerMinute(context, context.User.GetOrganisationId()?.ToString() ?? "none", limits => limits.MatchPermitsPerMinute));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var texts = http.RequestServices.GetRequiredService<IStringLocalizer<Texts>>();
                if (!PipelineExtensions.IsProgrammaticPath(http.Request.Path))
                {
                    // A person at a form: a plain sentence rather than JSON.
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync($"{texts["Problem.TooManyRequests.Title"]} {texts["Problem.TooManyRequests.Detail"]}", cancellationToken);
                    return;
                }

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

    /// <summary>
    /// A fixed one-minute window per client address. The counters live in this host's memory: with N hosts behind a
    /// load balancer a client may get up to N times the limit (see docs/operations.md).
    /// </summary>
    private static RateLimitPartition<string> PerClientPerMinute(HttpContext context, Func<RateLimitOptions, int> permits) =>
        PerMinute(context, ClientAddress.Of(context), permits);

    private static RateLimitPartition<string> PerMinute(HttpContext context, string key, Func<RateLimitOptions, int> permits)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits(limits), Window = TimeSpan.FromMinutes(1) });
    }
}
