using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Data.Accounts;
using Passport.Data.Database;

namespace Passport.Web.Accounts;

public static class AccountsHostingExtensions
{
    /// <summary>Path prefixes served to programs (bearer token) rather than to people in a browser (cookie).</summary>
    private static readonly string[] TokenPaths = ["/api", "/hubs"];

    private const string SelectorScheme = "Passport";

    /// <summary>
    /// ASP.NET Core Identity over the Dapper user store, cookie sign-in for pages, JWT bearer tokens for
    /// the API and SignalR (which sends the token as <c>access_token</c> in the query string).
    /// </summary>
    public static IHostApplicationBuilder AddPassportAccounts(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<AccessTokenKey>();
        services.AddSingleton<IDatabaseSeeder>(provider => provider.GetRequiredService<AccessTokenKey>());
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<IAccountSessions>(provider => provider.GetRequiredService<SessionStamps>());

        services.AddIdentityCore<PassportUser>()
            .AddUserStore<UserStore>()
            .AddUserManager<PassportUserManager>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PassportClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.Configure<IdentityOptions>(identity =>
        {
            identity.User.RequireUniqueEmail = true;
            // NIST SP 800-63B: length matters, composition rules do not; they only push people to write passwords down.
            // Common and leaked passwords are refused by CommonPasswordValidator instead.
            identity.Password.RequiredLength = 8;
            identity.Password.RequiredUniqueChars = 4;
            identity.Password.RequireDigit = false;
            identity.Password.RequireLowercase = false;
            identity.Password.RequireUppercase = false;
            identity.Password.RequireNonAlphanumeric = false;
            // Wrong passwords are counted per e-mail and client address by SignInThrottle, not on the account, so a
            // stranger cannot lock it; Identity's lockout only keeps closed accounts (lockout end far ahead) shut.
            identity.Lockout.AllowedForNewUsers = true;
            identity.ClaimsIdentity.UserIdClaimType = PassportClaims.Subject;
            identity.ClaimsIdentity.UserNameClaimType = PassportClaims.Email;
            identity.ClaimsIdentity.EmailClaimType = PassportClaims.Email;
            identity.ClaimsIdentity.RoleClaimType = PassportClaims.Role;
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SelectorScheme;
                options.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, null, options => options.ForwardDefaultSelector = context =>
                IsTokenPath(context.Request.Path) ? JwtBearerDefaults.AuthenticationScheme : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        // Browsers cannot set headers on WebSocket requests, so SignalR clients send the token in the query.
                        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is [{ } token, ..])
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    // A token is refused once its account signed out everywhere, changed its password, was closed or erased.
                    OnTokenValidated = async context =>
                    {
                        var stamps = context.HttpContext.RequestServices.GetRequiredService<SessionStamps>();
                        if (!await stamps.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
                        {
                            context.Fail("This token was revoked, or its account no longer exists.");
                        }
                    },
                };
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/account/signin";
                options.LogoutPath = "/account/signout";
                options.AccessDeniedPath = "/account/denied";
                options.Cookie.Name = "passport.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request was HTTPS, also when a configured proxy terminated TLS (see ProxyOptions).
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
            }));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((cookie, auth, time) =>
            {
                cookie.ExpireTimeSpan = auth.Value.CookieIdleTimeout;
                cookie.TimeProvider = time;
                cookie.Events.OnSigningIn = SessionCookie.OnSigningInAsync;
                cookie.Events.OnValidatePrincipal = SessionCookie.OnValidatePrincipalAsync;
            });
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AccessTokenKey, IOptions<AuthOptions>, TimeProvider>((jwt, key, auth, time) =>
            {
                jwt.TokenValidationParameters.ValidIssuer = auth.Value.Issuer;
                jwt.TokenValidationParameters.ValidAudience = auth.Value.Audience;
                jwt.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => [key.Key];
                jwt.TokenValidationParameters.NameClaimType = PassportClaims.Name;
                jwt.TokenValidationParameters.RoleClaimType = PassportClaims.Role;
                jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                jwt.TimeProvider = time;
            });

        services.AddAuthorizationBuilder().AddPassportPolicies();
        return builder;
    }

    public static bool IsTokenPath(PathString path) => TokenPaths.Any(prefix => path.StartsWithSegments(prefix));
}
