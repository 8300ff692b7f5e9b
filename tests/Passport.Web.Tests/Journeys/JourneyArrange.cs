using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Journeys;

/// <summary>
/// Arranging journeys and in-view: consents through the API, and what other features write (hand-overs, appointments
/// in the past, their attendance, old consents) straight into the tables.
/// </summary>
internal static class JourneyArrange
{
    public static async Task<string> GrantAsync(HttpClient owner, Guid organisationId, params string[] categories)
    {
        using var response = await owner.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId }, categories, purpose = "Work on my plan" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Moves everything the person shared, and everything that happened to their plan, <paramref name="age"/> into the past.</summary>
    public static async Task AgeAsync(PassportApp app, Guid personId, TimeSpan age)
    {
        var parameters = new { personId, at = DateTimeOffset.UtcNow - age };
        await ExecuteAsync(app, "UPDATE consents SET created_at = @at, decided_at = @at WHERE user_id = @personId", parameters);
        await ExecuteAsync(app, "UPDATE plan_history SET at = @at WHERE person_id = @personId", parameters);
        await ExecuteAsync(app, "UPDATE plan_steps SET created_at = @at, updated_at = @at WHERE person_id = @personId", parameters);
    }

    public static Task AppointmentAsync(PassportApp app, Guid personId, Guid organisationId, DateTimeOffset startsAt, string? attendance) => ExecuteAsync(
        app,
        """
        INSERT INTO appointments (id, person_id, organisation_id, organisation_name, booked_by_name, starts_at, ends_at, kind, location, topic, status,
                                  version, created_at, changed_at, attendance)
        VALUES (@id, @personId, @organisationId, 'Test', 'Coach', @startsAt, @endsAt, 'Phone', '0612345678', 'Talk', 'Confirmed', 1, @startsAt, @startsAt, @attendance)
        """,
        new { id = Guid.CreateVersion7(), personId, organisationId, startsAt, endsAt = startsAt.AddHours(1), attendance });

    /// <summary>Moves a booked appointment to <paramref name="startsAt"/> in the past, as if its time had come.</summary>
    public static Task MoveIntoThePastAsync(PassportApp app, Guid appointmentId, DateTimeOffset startsAt) => ExecuteAsync(
        app, "UPDATE appointments SET starts_at = @startsAt, ends_at = @endsAt WHERE id = @appointmentId",
        new { appointmentId, startsAt, endsAt = startsAt.AddHours(1) });

    /// <summary>A hand-over as the hand-over feature would have stored it (0025's columns), with the history row of a final status.</summary>
    public static async Task<Guid> HandoverAsync(
        PassportApp app, Guid personId, Guid from, Guid to, string status, DateTimeOffset proposedAt, DateTimeOffset? consentedAt = null,
        DateTimeOffset? acceptedAt = null, DateTimeOffset? metAt = null, DateTimeOffset? endedAt = null)
    {
        var id = Guid.CreateVersion7();
        await ExecuteAsync(
            app,
            """
            INSERT INTO handovers (id, person_id, sending_organisation_id, receiving_organisation_id, note_done, note_wants, travelling_step_ids, status,
                                   proposed_at, expires_at, consented_at, accepted_at, met_at, completed_at, version)
            VALUES (@id, @personId, @from, @to, 'Done', 'Wants', '[]', @status, @proposedAt, @expiresAt, @consentedAt, @acceptedAt, @metAt, @metAt, 3)
            """,
            new { id, personId, from, to, status, proposedAt, expiresAt = proposedAt.AddDays(30), consentedAt, acceptedAt, metAt });
        if (endedAt is { } at)
        {
            await ExecuteAsync(
                app,
                "INSERT INTO handover_history (id, handover_id, at, status) VALUES (@historyId, @id, @at, @status)",
                new { historyId = Guid.CreateVersion7(), id, at, status });
        }

        return id;
    }

    public static async Task<IReadOnlyList<JsonElement>> AccessLogAsync(HttpClient person) =>
        [.. (await person.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray()];

    private static async Task ExecuteAsync(PassportApp app, string sql, object parameters)
    {
        var database = app.Services.GetRequiredService<PassportDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
