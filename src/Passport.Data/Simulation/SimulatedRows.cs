using System.Text.Json;
using Passport.Domain.Accounts;
using Passport.Domain.Simulation;
using Passport.Domain.Sprints;

namespace Passport.Data.Simulation;

/// <summary>The column types the simulated rows use; each provider binds them its own way.</summary>
internal enum ColumnKind
{
    Uuid,
    Text,
    Integer,
    Boolean,
    Timestamp,
    Date,
}

/// <summary>One table's rows for one batch, in the column order of <see cref="Columns"/>; null is SQL NULL.</summary>
internal sealed class SimulatedTable(string name, params (string Name, ColumnKind Kind)[] columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<(string Name, ColumnKind Kind)> Columns { get; } = columns;

    public List<object?[]> Rows { get; } = [];

    public void Add(params object?[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"{Name} has {Columns.Count} columns, not {values.Length}.", nameof(values));
        }

        Rows.Add(values);
    }
}

/// <summary>
/// Turns simulated people into the rows a real job seeker's account, preferences, sprints and experiences leave, in
/// the order foreign keys need. Times are the person's relative times before <c>now</c>.
/// </summary>
internal sealed class SimulatedRows
{
    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerOptions.Web);

    public SimulatedTable Users { get; } = new("users",
        ("id", ColumnKind.Uuid), ("email", ColumnKind.Text), ("normalized_email", ColumnKind.Text), ("display_name", ColumnKind.Text),
        ("language", ColumnKind.Text), ("security_stamp", ColumnKind.Text), ("concurrency_stamp", ColumnKind.Text),
        ("is_demo", ColumnKind.Boolean), ("created_at", ColumnKind.Timestamp), ("birth_year", ColumnKind.Integer));

    public SimulatedTable Roles { get; } = new("user_roles", ("user_id", ColumnKind.Uuid), ("role", ColumnKind.Text));

    public SimulatedTable Preferences { get; } = new("job_seeker_preferences",
        ("user_id", ColumnKind.Uuid), ("hours_per_week", ColumnKind.Integer), ("home_place", ColumnKind.Text),
        ("open_to_matching", ColumnKind.Boolean), ("updated_at", ColumnKind.Timestamp));

    public SimulatedTable Sectors { get; } = new("job_seeker_sectors",
        ("user_id", ColumnKind.Uuid), ("sector_id", ColumnKind.Text), ("position", ColumnKind.Integer));

    public SimulatedTable Sessions { get; } = new("sprint_sessions",
        ("id", ColumnKind.Uuid), ("user_id", ColumnKind.Uuid), ("sprint_id", ColumnKind.Text), ("status", ColumnKind.Text),
        ("language", ColumnKind.Text), ("presented_count", ColumnKind.Integer), ("completion_xp", ColumnKind.Integer),
        ("created_at", ColumnKind.Timestamp), ("updated_at", ColumnKind.Timestamp), ("completed_at", ColumnKind.Timestamp));

    public SimulatedTable Responses { get; } = new("sprint_responses",
        ("session_id", ColumnKind.Uuid), ("item_id", ColumnKind.Text), ("user_id", ColumnKind.Uuid), ("skill_id", ColumnKind.Text),
        ("position", ColumnKind.Integer), ("answer", ColumnKind.Text), ("category", ColumnKind.Integer), ("xp", ColumnKind.Integer),
        ("answered_at", ColumnKind.Timestamp));

    public SimulatedTable Experiences { get; } = new("experiences",
        ("id", ColumnKind.Uuid), ("user_id", ColumnKind.Uuid), ("kind", ColumnKind.Text), ("title", ColumnKind.Text),
        ("started_on", ColumnKind.Date), ("ended_on", ColumnKind.Date), ("esco_uris", ColumnKind.Text),
        ("created_at", ColumnKind.Timestamp), ("updated_at", ColumnKind.Timestamp));

    public SimulatedTable JourneyEvents { get; } = new("journey_events",
        ("id", ColumnKind.Uuid), ("person_id", ColumnKind.Uuid), ("kind", ColumnKind.Text), ("occurred_on", ColumnKind.Date),
        ("recorded_by_user_id", ColumnKind.Uuid), ("recorded_at", ColumnKind.Timestamp));

    public SimulatedTable Plans { get; } = new("plans",
        ("person_id", ColumnKind.Uuid), ("goal", ColumnKind.Text), ("version", ColumnKind.Integer), ("updated_at", ColumnKind.Timestamp));

    public SimulatedTable PlanHistory { get; } = new("plan_history",
        ("id", ColumnKind.Uuid), ("person_id", ColumnKind.Uuid), ("at", ColumnKind.Timestamp), ("event", ColumnKind.Text),
        ("detail", ColumnKind.Text), ("actor_user_id", ColumnKind.Uuid), ("actor_side", ColumnKind.Text), ("actor_name", ColumnKind.Text));

    public SimulatedTable PlanBarriers { get; } = new("plan_barriers",
        ("person_id", ColumnKind.Uuid), ("barrier", ColumnKind.Text), ("named_at", ColumnKind.Timestamp), ("named_by_side", ColumnKind.Text));

    /// <summary>Parents before children, as the foreign keys need.</summary>
    public IEnumerable<SimulatedTable> All => [Users, Roles, Preferences, Sectors, Sessions, Responses, Experiences, JourneyEvents, Plans, PlanHistory, PlanBarriers];

    /// <param name="answers">Answers already turned into JSON, by reference: a generator shares one per item and category.</param>
    public static SimulatedRows Of(IEnumerable<SimulatedPerson> people, DateTimeOffset now, Dictionary<object, string> answers)
    {
        ArgumentNullException.ThrowIfNull(people);
        var rows = new SimulatedRows();
        foreach (var person in people)
        {
            rows.Add(person, now, answers);
        }

        return rows;
    }

    /// <summary>
    /// The young person's turning points as they recorded them, their plan (started with its goal, so the plan's first
    /// history entry is its start) and the barriers on it.
    /// </summary>
    private void AddJourney(SimulatedPerson person, SimulatedJourney journey, DateTimeOffset now)
    {
        var id = person.Id;
        for (var turn = 0; turn < journey.Turns.Count; turn++)
        {
            var at = now - journey.Turns[turn].Ago;
            JourneyEvents.Add(SimulatedPassports.IdOf(person.Index, turn, $"journey:{id}"), id, journey.Turns[turn].Kind.ToString(),
                DateOnly.FromDateTime(at.UtcDateTime), id, at);
        }

        if (journey.PlanStartedAgo is { } ago)
        {
            var started = now - ago;
            Plans.Add(id, SimulatedGoal, 1, started);
            PlanHistory.Add(SimulatedPassports.IdOf(person.Index, 0, $"plan:{id}"), id, started, nameof(Domain.Plans.PlanEvent.GoalSet), SimulatedGoal,
                id, "Person", person.DisplayName);
            foreach (var barrier in journey.Barriers)
            {
                PlanBarriers.Add(id, barrier, started, "Person");
            }
        }
    }

    private const string SimulatedGoal = "Find my next step";

    private void Add(SimulatedPerson person, DateTimeOffset now, Dictionary<object, string> answers)
    {
        if (person.Journey is { } journey)
        {
            // After the account's own rows; the tables' order in All keeps the foreign keys happy.
            AddJourney(person, journey, now);
        }

        var id = person.Id;
        var created = now - person.CreatedAgo;
        var stamp = id.ToString("N");
        Users.Add(id, person.Email, person.Email.ToUpperInvariant(), person.DisplayName, Languages.English, stamp, stamp, true, created,
            person.Journey is { } born ? now.Year - born.Age : null);
        Roles.Add(id, Domain.Accounts.Roles.JobSeeker);
        Preferences.Add(id, person.HoursPerWeek, person.HomePlace, true, created);
        for (var position = 0; position < person.Sectors.Count; position++)
        {
            Sectors.Add(id, person.Sectors[position], position);
        }

        foreach (var session in person.Sessions)
        {
            var started = now - session.StartedAgo;
            var completed = now - session.CompletedAgo;
            Sessions.Add(session.Id, id, session.SprintId, nameof(SessionStatus.Completed), Languages.English,
                session.Responses.Count, Domain.Gamification.Xp.SprintCompleted, started, completed, completed);
            for (var position = 0; position < session.Responses.Count; position++)
            {
                var response = session.Responses[position];
                string? answer = null;
                if (response.Answer is { } given && !answers.TryGetValue(given, out answer))
                {
                    answer = JsonSerializer.Serialize(given, AnswerJson);
                    answers[given] = answer;
                }

                Responses.Add(session.Id, response.ItemId, id, response.SkillId, position, answer, response.Category, response.Xp,
                    started + response.AfterStart);
            }
        }

        if (person.Experience is { } experience)
        {
            Experiences.Add(experience.Id, id, experience.Kind.ToString(), experience.Title,
                DateOnly.FromDateTime((now - experience.StartedAgo).UtcDateTime), DateOnly.FromDateTime((now - experience.EndedAgo).UtcDateTime),
                JsonSerializer.Serialize(experience.EscoUris), created, created);
        }
    }
}
