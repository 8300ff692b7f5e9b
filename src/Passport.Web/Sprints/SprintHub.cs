using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Passport.Domain.Accounts;
using Passport.Application.Sprints;
using Passport.Grains.Sprints;
using Passport.Web.Accounts;
using Passport.Web.Localization;

namespace Passport.Web.Sprints;

/// <summary>
/// <c>/hubs/sprint</c>: the real-time protocol for playing sprints (docs/api.md). Thin on purpose: it checks the
/// shape of what arrives, hands it to the grains and turns refusals into <see cref="HubException"/> messages in
/// the player's language. Pushes come from the session grain through <see cref="SprintConnections"/>.
/// </summary>
[Authorize(Policy = Policies.JobSeeker)]
public sealed class SprintHub(SprintPlay play, SprintConnections connections, IStringLocalizer<Texts> texts) : Hub
{
    public const string Path = "/hubs/sprint";
    public const string ItemPresentedEvent = "ItemPresented";
    public const string AnswerScoredEvent = "AnswerScored";
    public const string SprintCompletedEvent = "SprintCompleted";
    public const string ServerLeavingEvent = "ServerLeaving";

    private ClaimsPrincipal Player => Context.User is { } user && user.GetUserId() is not null ? user : throw new HubException("Not signed in.");

    /// <summary>
    /// Starts a sprint (or continues the caller's unfinished session of it). The answer carries the item to show;
    /// it also follows as <c>ItemPresented</c>.
    /// </summary>
    public async Task<SprintStartedMessage> StartSprint(string sprintId)
    {
        var language = UseLanguage();
        var observer = connections.ObserverFor(Context.ConnectionId);
        var start = await play.StartAsync(Player, sprintId ?? "", language, observer);
        if (!start.Succeeded)
        {
            throw Refusal(start.Error, start.RetryAfterSeconds);
        }

        var session = start.Value!.Session;
        connections.Track(Context.ConnectionId, session.SessionId);
        if (!start.Value.Resume)
        {
            return new SprintStartedMessage(session.SessionId, session.SprintId, session.Title, session.MaxItems, false,
                session.First is { } first ? ItemPresentedMessage.From(first) : null, null);
        }

        var resumed = await play.ResumeAsync(Player, session.SessionId, language, observer);
        if (!resumed.Succeeded)
        {
            throw Refusal(resumed.Error);
        }

        var state = SessionStateMessage.From(resumed.Value!);
        return new SprintStartedMessage(session.SessionId, session.SprintId, session.Title, session.MaxItems, true, state.Current, state.Completed);
    }

    /// <summary>
    /// Answers the current item: <c>{ "choice": optionId }</c>, <c>{ "order": [optionIds] }</c> or <c>{ "value": n }</c>.
    /// Stored before it is acknowledged; the acknowledgement and the next step are returned and pushed. The session
    /// pushes to this connection from now on, whichever silo holds it.
    /// </summary>
    public async Task<AnswerStepMessage> SubmitAnswer(string sessionId, string itemId, JsonElement answer)
    {
        UseLanguage();
        var session = SessionId(sessionId);
        var parsed = ParseAnswer(answer) ?? throw Refusal(SprintError.WrongShape);
        var outcome = await play.AnswerAsync(Player, session, itemId ?? "", parsed, connections.ObserverFor(Context.ConnectionId));
        if (outcome.Error != SprintError.UnknownSession)
        {
            connections.Track(Context.ConnectionId, session);
        }

        return outcome.Succeeded ? AnswerStepMessage.From(outcome.Value!) : throw Refusal(outcome.Error);
    }

    /// <summary>Continues a session after a dropped connection; the current item (or the result) is returned and pushed again.</summary>
    public async Task<SessionStateMessage> ResumeSprint(string sessionId)
    {
        var language = UseLanguage();
        var session = SessionId(sessionId);
        var observer = connections.ObserverFor(Context.ConnectionId);
        var outcome = await play.ResumeAsync(Player, session, language, observer);
        if (!outcome.Succeeded)
        {
            throw Refusal(outcome.Error);
        }

        connections.Track(Context.ConnectionId, outcome.Value!.SessionId);
        return SessionStateMessage.From(outcome.Value);
    }

    /// <summary>Stops a session for good; answers already given stay in the passport.</summary>
    public async Task<SessionStateMessage> AbandonSprint(string sessionId)
    {
        UseLanguage();
        var outcome = await play.AbandonAsync(Player, SessionId(sessionId));
        return outcome.Succeeded ? SessionStateMessage.From(outcome.Value!) : throw Refusal(outcome.Error);
    }

    /// <summary>
    /// A host that is leaving takes no new players: the connection is told to connect again (reaching another host)
    /// and every call on it is refused.
    /// </summary>
    public override async Task OnConnectedAsync()
    {
        if (connections.Leaving)
        {
            await connections.TellAsync(Context.ConnectionId, []);
            return;
        }

        connections.Open(Context.ConnectionId);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // A player whose host is leaving was told to continue elsewhere: the session is not paused under them.
        if (connections.Remove(Context.ConnectionId) is { } dropped && !connections.Leaving
            && Context.User is { } player && player.GetUserId() is not null)
        {
            foreach (var sessionId in dropped.Sessions)
            {
                await play.PauseAsync(player, sessionId, dropped.Observer);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    private Guid SessionId(string? sessionId) =>
        Guid.TryParse(sessionId, CultureInfo.InvariantCulture, out var id) ? id : throw Refusal(SprintError.UnknownSession);

    /// <summary>
    /// The language chosen on the connection (<c>?culture=</c>, the culture cookie or <c>Accept-Language</c>),
    /// else the one in the player's profile; also applied to this call's messages. Every call begins here, so a
    /// host that is leaving refuses it here (in that language), and the client continues on another host.
    /// </summary>
    private string UseLanguage()
    {
        var requested = Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>();
        var language = requested?.Provider is not null
            ? requested.RequestCulture.UICulture.TwoLetterISOLanguageName
            : Context.User?.FindFirst(PassportClaims.Language)?.Value;
        language = Languages.IsSupported(language) ? language! : Languages.Default;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        return connections.Leaving ? throw new HubException(texts["Sprint.Error.ServerLeaving"].Value) : language;
    }

    private HubException Refusal(SprintError error, int retryAfterSeconds = 0) =>
        new(error == SprintError.CoolingDown
            ? texts.Plural("Sprint.Error.CoolingDown", Math.Max(1, (int)Math.Ceiling(retryAfterSeconds / 60.0))).Value
            : texts[$"Sprint.Error.{error}"].Value);

    /// <summary>Exactly one of <c>choice</c> (a string), <c>order</c> (strings) or <c>value</c> (a number); null otherwise.</summary>
    internal static SprintAnswer? ParseAnswer(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? choice = null;
        ImmutableArray<string>? order = null;
        double? value = null;
        var count = 0;
        foreach (var property in answer.EnumerateObject())
        {
            count++;
            switch (property.Name.ToLowerInvariant())
            {
                case "choice" when property.Value.ValueKind == JsonValueKind.String:
                    choice = property.Value.GetString();
                    break;
                case "order" when property.Value.ValueKind == JsonValueKind.Array
                    && property.Value.EnumerateArray().All(element => element.ValueKind == JsonValueKind.String):
                    order = [.. property.Value.EnumerateArray().Select(element => element.GetString()!)];
                    break;
                case "value" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out var number):
                    value = number;
                    break;
                default:
                    return null;
            }
        }

        return count == 1 ? new SprintAnswer(choice, order, value) : null;
    }
}
