using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Passport.Application.Accounts;
using Passport.Data.Accounts;
using Passport.Data.Database;
using Passport.Grains.Storage;
using Passport.Grains.Vacancies;
using Passport.Testing;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Tests.Accounts;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Resilience;

/// <summary>One host per provider whose database a test takes away, and gives back before it ends.</summary>
public abstract class OutageFixture : IAsyncLifetime
{
    public abstract StorageProvider Provider { get; }

    public TestDatabase Database { get; private set; } = default!;

    public DatabaseOutage Outage { get; private set; } = default!;

    public PassportApp App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        Outage = DatabaseOutage.For(Database);
        App = new PassportApp(Database, Outage.Settings());
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Outage.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteOutageFixture : OutageFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresOutageFixture : OutageFixture
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>
/// While the database cannot be reached, what needs it answers 503 with Retry-After (problem details for programs, the
/// error page for people), what does not need it keeps answering, and nothing answers 500.
/// </summary>
public abstract class OutageTests(OutageFixture fixture)
{
    private readonly PassportApp _app = fixture.App;
    private readonly DatabaseOutage _outage = fixture.Outage;

    [Fact]
    public async Task ApiRequest_DatabaseUnreachable_RouteNeedingItAnswers503WithRetryAfterAndOneNotNeedingItAnswers()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl");
            using (var before = await client.GetAsync("/api/me"))
            {
                Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            }

            var (me, sprints) = await WhileDownAsync(async () => (await client.GetAsync("/api/me"), await client.GetAsync("/api/sprints")));

            using (me)
            using (sprints)
            using (var after = await client.GetAsync("/api/me"))
            {
                var problem = await ProblemAssert.IsProblemAsync(me, HttpStatusCode.ServiceUnavailable);
                Assert.Equal("30", Assert.Single(me.Headers.GetValues("Retry-After")));
                Assert.Equal(30, problem.GetProperty("retryAfterSeconds").GetInt32());
                Assert.Equal("Dit werkt nu even niet.", problem.GetProperty("title").GetString());
                Assert.Equal(HttpStatusCode.OK, sprints.StatusCode);
                Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            }
        }
    }

    /// <summary>The host has not read this account's stamp yet, so it cannot tell a valid token from a revoked one.</summary>
    [Fact]
    public async Task ApiToken_DatabaseUnreachableAndStampNeverRead_Answers503NotUnauthorized()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            using (var sprints = await WhileDownAsync(() => client.GetAsync("/api/sprints")))
            {
                await ProblemAssert.IsProblemAsync(sprints, HttpStatusCode.ServiceUnavailable);
                Assert.True(sprints.Headers.Contains("Retry-After"));
            }
        }
    }

    [Fact]
    public async Task Page_DatabaseUnreachable_ShowsTryAgainLaterWith503AndNoDetails()
    {
        var (_, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var browser = PageForms.NewBrowserlikeClient(_app);
        using var signedIn = await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);

        using (var profile = await WhileDownAsync(() => browser.GetAsync("/profile")))
        {
            var html = await profile.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, profile.StatusCode);
            Assert.True(profile.Headers.Contains("Retry-After"));
            Assert.Contains("This is not available right now", html, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GrainCall_DatabaseUnreachable_SurfacesAsStorageUnavailableException()
    {
        var vacancy = _app.Services.GetRequiredService<IGrainFactory>().GetGrain<IVacancyGrain>(Guid.CreateVersion7());
        var organisationId = Guid.CreateVersion7();
        // Activated (and loaded) while the database is there; the write fails.
        Assert.Null(await vacancy.GetAsync(organisationId));
        VacancyDetails details = new(
            "Order picker", "logistics", 51.4793, 5.657, "Helmond", 32, [new VacancySkillDetails("reliability", 3, 3)], []);

        var thrown = await WhileDownAsync(() => Record.ExceptionAsync(() => vacancy.CreateAsync(organisationId, null, details)));

        Assert.IsType<StorageUnavailableException>(thrown);
        Assert.Equal(Outage.Storage, Outages.Of(thrown));
    }

    /// <summary>A stamp read within the grace still admits its cookie or token while the database is away; an older one does not.</summary>
    [Fact]
    public async Task SessionStamps_DatabaseUnreachable_TrustAStampReadWithinTheGraceAndNoOlder()
    {
        var (stamps, principal, time) = await NewStampsAsync();
        using (stamps)
        {
            var before = await stamps.IsCurrentAsync(principal, CancellationToken.None);
            var (withinGrace, pastGrace) = await WhileDownAsync(async () =>
            {
                time.Advance(TimeSpan.FromSeconds(45));
                var within = await stamps.IsCurrentAsync(principal, CancellationToken.None);
                time.Advance(TimeSpan.FromSeconds(16));
                return (within, await Record.ExceptionAsync(() => stamps.IsCurrentAsync(principal, CancellationToken.None)));
            });

            Assert.True(before);
            Assert.True(withinGrace);
            Assert.Equal(Outage.Storage, Outages.Of(pastGrace));
        }
    }

    /// <summary>A sign-out on this host makes it forget the stamp: the grace never covers it.</summary>
    [Fact]
    public async Task SessionStamps_StampForgottenThenDatabaseUnreachable_DoNotTrustTheOldStamp()
    {
        var (stamps, principal, _) = await NewStampsAsync();
        using (stamps)
        {
            Assert.True(await stamps.IsCurrentAsync(principal, CancellationToken.None));
            stamps.Forget(principal.GetUserId()!.Value);
            var thrown = await WhileDownAsync(() => Record.ExceptionAsync(() => stamps.IsCurrentAsync(principal, CancellationToken.None)));

            Assert.Equal(Outage.Storage, Outages.Of(thrown));
        }
    }

    /// <summary>Runs <paramref name="during"/> while the database is away, and brings it back whatever happens.</summary>
    private async Task<T> WhileDownAsync<T>(Func<Task<T>> during)
    {
        _outage.Begin();
        try
        {
            return await during();
        }
        finally
        {
            _outage.End();
        }
    }

    /// <summary>Another host's stamp cache (30 s interval, 60 s grace) on a fake clock, for a fresh account.</summary>
    private async Task<(SessionStamps Stamps, ClaimsPrincipal Principal, FakeTimeProvider Time)> NewStampsAsync()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        client.Dispose();
        PassportUser user;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            user = (await scope.ServiceProvider.GetRequiredService<UserManager<PassportUser>>().FindByEmailAsync(email))!;
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = Options.Create(new AuthOptions { SessionCheckInterval = TimeSpan.FromSeconds(30), SessionOutageGrace = TimeSpan.FromSeconds(60) });
        var stamps = new SessionStamps(_app.Services.GetRequiredService<UserStore>(), options, time, NullLogger<SessionStamps>.Instance);
        return (stamps, new ClaimsPrincipal(PassportClaims.CreateIdentity(user, "Bearer")), time);
    }
}

public sealed class SqliteOutageTests(SqliteOutageFixture fixture) : OutageTests(fixture), IClassFixture<SqliteOutageFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresOutageTests(PostgresOutageFixture fixture) : OutageTests(fixture), IClassFixture<PostgresOutageFixture>;
