using Dapper;
using Passport.Data.Accounts;
using Passport.Data.Experiences;
using Passport.Data.Insights;
using Passport.Data.JobSeekers;
using Passport.Data.Simulation;
using Passport.Data.Sprints;
using Passport.Data.Tests.Database;
using Passport.Domain.Accounts;
using Passport.Domain.Insights;
using Passport.Domain.Localization;
using Passport.Domain.Measurement;
using Passport.Domain.Simulation;
using Passport.Domain.Sprints;

namespace Passport.Data.Tests.Simulation;

public abstract class SimulatedPassportWriterTests(DatabaseFixture fixture)
{
    private static readonly string[] Skills = ["alpha", "beta", "gamma"];

    private static readonly SprintCatalog Sprints = new(
    [
        Sprint("first", ["alpha", "beta"]),
        Sprint("second", ["beta", "gamma"]),
    ]);

    private static readonly CandidateSimulationSettings Settings = new(
        0, 0, new Dictionary<string, double> { ["eindhoven"] = 3, ["best"] = 1 }, ["logistics", "retail", "ict"],
        [new SimulatedCertificate("Forklift certificate", "http://data.europa.eu/esco/skill/forklift")]);

    private readonly SimulatedPassportWriter _writer = new(fixture.Database, fixture.Time);

    [Fact]
    public async Task WriteAsync_PeopleInSeveralBatches_ReadBackWithEveryAnswerAndTheSameEstimates()
    {
        var people = NewGenerator().People(250).ToList();

        var result = await _writer.WriteAsync(people, batchSize: 100);

        Assert.Equal(new SimulatedWriteResult(250, 0), result);
        var ours = people.ToDictionary(person => person.Id);
        var answers = (await new InsightsRepository(fixture.Database).ListScoredAnswersAsync()).Where(answer => ours.ContainsKey(answer.UserId)).ToList();
        var expected = people.Where(person => person.Sessions.Count > 0).ToList();
        Assert.Equal(expected.Count, answers.Select(answer => answer.UserId).Distinct().Count());
        Assert.All(expected, person => Assert.Equal(
            person.Sessions.Sum(session => session.Responses.Count),
            answers.Count(answer => answer.UserId == person.Id)));

        // The passport rebuilt from the stored rows is the one the generator's answers give.
        var stored = SupplyMatrix.FromAnswers(Skills, answers.Select(answer => (answer.UserId, answer.ItemId, answer.Category)), Sprints);
        var generated = SupplyMatrix.FromAnswers(
            Skills,
            expected.OrderBy(person => person.Id.ToString(), StringComparer.Ordinal).SelectMany(person => person.Sessions
                .SelectMany(session => session.Responses).Select(response => (person.Id, response.ItemId, response.Category))),
            Sprints);
        Assert.Equal(
            generated.Rows.Select(Describe).Order(StringComparer.Ordinal),
            stored.Rows.Select(Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_OnePerson_StoredAsADemoJobSeekerWithoutPassword()
    {
        var person = NewGenerator().People(60).First(candidate => candidate.Experience is not null && candidate.Sessions.Count > 1);

        await _writer.WriteAsync([person]);

        var user = await new UserStore(fixture.Database, fixture.Time).FindByIdAsync(person.Id.ToString(), CancellationToken.None);
        Assert.NotNull(user);
        Assert.True(user.IsDemo);
        Assert.Null(user.PasswordHash);
        Assert.Equal(person.Email, user.Email);
        Assert.Equal(person.DisplayName, user.DisplayName);
        Assert.Equal(Languages.English, user.Language);
        Assert.Equal([Roles.JobSeeker], user.Roles);

        var preferences = await new JobSeekerRepository(fixture.Database, fixture.Time).GetPreferencesAsync(person.Id);
        Assert.Equal(person.Sectors, preferences.Sectors);
        Assert.Equal(person.HoursPerWeek, preferences.HoursPerWeek);
        await using (var connection = await fixture.Database.OpenConnectionAsync())
        {
            var matching = await connection.QuerySingleAsync<MatchingRow>(
                "SELECT home_place AS HomePlace, open_to_matching AS OpenToMatching FROM job_seeker_preferences WHERE user_id = @Id", new { person.Id });
            Assert.Equal(person.HomePlace, matching.HomePlace);
            Assert.True(matching.OpenToMatching);
        }

        using var sprints = new SprintRepository(fixture.Database);
        var sessions = await sprints.GetSessionsOfUserAsync(person.Id);
        Assert.Equal(person.Sessions.Select(session => session.SprintId), sessions.Select(session => session.SprintId));
        Assert.All(sessions, session =>
        {
            Assert.Equal(nameof(Domain.Sprints.SessionStatus.Completed), session.Status);
            Assert.Equal(fixture.Time.GetUtcNow() - person.Sessions.Single(simulated => simulated.Id == session.Id).CompletedAgo, session.CompletedAt);
        });
        var responses = await sprints.GetResponsesOfSessionAsync(sessions[0].Id);
        Assert.Equal(person.Sessions[0].Responses.Select(response => (response.ItemId, (int?)response.Category)), responses.Select(response => (response.ItemId, response.Category)));
        Assert.All(responses, response => Assert.NotNull(response.Answer));

        var experience = Assert.Single(await new ExperienceRepository(fixture.Database, fixture.Time).ListAsync(person.Id));
        Assert.Equal(person.Experience!.Title, experience.Experience.Title);
        Assert.Equal(["http://data.europa.eu/esco/skill/forklift"], experience.Experience.EscoUris);
        Assert.True(experience.Experience.EndedOn > experience.Experience.StartedOn);
    }

    [Fact]
    public async Task WriteAsync_SamePeopleTwice_SecondWritesNothing()
    {
        var people = NewGenerator().People(30).ToList();
        await _writer.WriteAsync(people, batchSize: 7);

        var again = await _writer.WriteAsync(people, batchSize: 7);

        Assert.Equal(new SimulatedWriteResult(0, 30), again);
        var ids = people.Select(person => person.Id).ToHashSet();
        var answers = (await new InsightsRepository(fixture.Database).ListScoredAnswersAsync()).Count(answer => ids.Contains(answer.UserId));
        Assert.Equal(people.Sum(person => person.Sessions.Sum(session => session.Responses.Count)), answers);
    }

    [Fact]
    public async Task WriteAsync_AddressAlreadyTaken_SkipsThatPersonOnly()
    {
        var people = NewGenerator().People(5).ToList();
        var owner = new PassportUser { Email = people[2].Email, NormalizedEmail = people[2].Email.ToUpperInvariant(), DisplayName = "Someone", Language = "en" };
        await new UserStore(fixture.Database, fixture.Time).CreateAsync(owner, CancellationToken.None);

        var result = await _writer.WriteAsync(people);

        Assert.Equal(new SimulatedWriteResult(4, 1), result);
        using var sprints = new SprintRepository(fixture.Database);
        Assert.Empty(await sprints.GetSessionsOfUserAsync(people[2].Id));
        Assert.Empty(await sprints.GetResponsesOfUserAsync(owner.Id));
    }

    // A seed of its own per test, so tests sharing the database never meet each other's people.
    private static SimulatedPassports NewGenerator() => new(Random.Shared.Next(), Sprints, Skills, Settings);

    private static string Describe(double[] row) =>
        string.Join(";", row.Select(value => double.IsNaN(value) ? "-" : value.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)));

    private static Sprint Sprint(string id, string[] skills)
    {
        var items = skills.SelectMany(skill => Enumerable.Range(0, 5).Select(index => new SprintItem(
            $"{id}-{skill}-{index}", skill, ItemKind.Choice, Text("Which?"),
            [Option("a", 0), Option("b", 1), Option("c", 2)], [], null, null,
            new GradedResponseModel(1.5, [-1 + (index * 0.4), -0.2 + (index * 0.4)])))).ToList();
        return new Sprint(id, Text(id), Text(id), skills, 3, 12, 0.3, items);
    }

    private static LocalizedText Text(string text) =>
        new(new Dictionary<string, string> { ["en"] = text, ["nl"] = text, ["da"] = text, ["nb"] = text });

    private static ItemOption Option(string id, int score) => new(id, Text(id), score);

    private sealed class MatchingRow
    {
        public string? HomePlace { get; set; }

        public bool OpenToMatching { get; set; }
    }
}

public sealed class SqliteSimulatedPassportWriterTests(SqliteFixture fixture) : SimulatedPassportWriterTests(fixture), IClassFixture<SqliteFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresSimulatedPassportWriterTests(PostgresFixture fixture) : SimulatedPassportWriterTests(fixture), IClassFixture<PostgresFixture>;
