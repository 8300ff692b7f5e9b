using Passport.Domain.Handovers;
using Passport.Domain.Journeys;

namespace Passport.Domain.InView;

/// <summary>Why a young person is drifting out of a municipality's view. Stored nowhere; the names are the API's and the texts' keys.</summary>
public enum InViewReason
{
    /// <summary>No plan step is proposed, agreed or in progress.</summary>
    NoActivePlanStep,

    /// <summary>No contact for longer than <c>InView:NoContactAfter</c>.</summary>
    NoContact,

    /// <summary>The two latest appointments that are over were both missed.</summary>
    MissedAppointments,

    /// <summary>A hand-over open past half its lifetime, or accepted but the new contact person has not met them in time.</summary>
    HandoverStuck,

    /// <summary>The latest hand-over expired.</summary>
    HandoverExpired,

    /// <summary>A contact person's account was deactivated and nobody took over.</summary>
    ContactPersonGone,
}

/// <summary>An appointment that is over (started before now and not cancelled), and whether staff marked it missed.</summary>
public sealed record PastAppointment(DateTimeOffset StartsAt, bool Missed);

/// <summary>A contact person's row as in-view reads it: when their account was deactivated, and whether the row ended and someone took over.</summary>
public sealed record ContactPersonState(DateTimeOffset? StaffDeactivatedAt, DateTimeOffset? EndedAt, bool HasSuccessor);

/// <summary>
/// What a municipality knows of one young person who shares their plan with it. <paramref name="LastContactAt"/> is
/// the latest contact: an appointment that took place (over, not cancelled, not marked missed) or a change to the plan
/// by a professional; <paramref name="LastStepChangeAt"/> when a plan step last changed (null without steps).
/// </summary>
public sealed record InViewFacts(
    Guid PersonId,
    string Name,
    DateTimeOffset SharedSince,
    bool HasActivePlanStep,
    DateTimeOffset? LastStepChangeAt,
    DateTimeOffset? LastContactAt,
    IReadOnlyList<PastAppointment> PastAppointments,
    IReadOnlyList<HandoverFacts> Handovers,
    IReadOnlyList<ContactPersonState> ContactPersons,
    bool HasActiveContactPerson);

/// <summary>One reason with the moment it started to hold.</summary>
public sealed record InViewSignal(InViewReason Reason, DateTimeOffset Since);

/// <summary>A young person on the worklist: who, and every reason, the longest-standing first.</summary>
public sealed record InViewEntry(Guid PersonId, string Name, IReadOnlyList<InViewSignal> Signals)
{
    /// <summary>Since when the first reason holds; the list shows the longest out of view first.</summary>
    public DateTimeOffset Since => Signals[0].Since;
}

/// <summary>
/// Who is drifting out of view. Each rule says why and since when, so the worklist can show the longest-drifting
/// first and the coach knows what to do about it.
/// </summary>
public static class InViewRules
{
    public static readonly TimeSpan DefaultNoContactAfter = TimeSpan.FromDays(42);

    /// <summary>The reasons that hold for one person at <paramref name="now"/>; empty when they are in view.</summary>
    public static IReadOnlyList<InViewSignal> Judge(InViewFacts facts, DateTimeOffset now, TimeSpan noContactAfter, TimeSpan warmWithin)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var signals = new List<InViewSignal>();
        if (!facts.HasActivePlanStep)
        {
            signals.Add(new(InViewReason.NoActivePlanStep, Latest(facts.SharedSince, facts.LastStepChangeAt)));
        }

        // Without any contact yet, the clock runs from the moment the young person started sharing their plan.
        var lastContact = Latest(facts.SharedSince, facts.LastContactAt);
        if (now - lastContact > noContactAfter)
        {
            signals.Add(new(InViewReason.NoContact, lastContact));
        }

        var lastTwo = facts.PastAppointments.Where(appointment => appointment.StartsAt <= now).OrderByDescending(appointment => appointment.StartsAt).Take(2).ToList();
        if (lastTwo.Count == 2 && lastTwo.All(appointment => appointment.Missed))
        {
            signals.Add(new(InViewReason.MissedAppointments, lastTwo[0].StartsAt));
        }

        if (facts.Handovers.OrderByDescending(handover => handover.ProposedAt).FirstOrDefault() is { } latest)
        {
            if (HandoverSignal(latest, now, warmWithin) is { } signal)
            {
                signals.Add(signal);
            }
        }

        if (!facts.HasActiveContactPerson || facts.ContactPersons.Any(row => row.EndedAt is null && row.StaffDeactivatedAt is not null))
        {
            var gone = facts.ContactPersons
                .Where(row => row.StaffDeactivatedAt is not null && !row.HasSuccessor && (row.EndedAt is null || !facts.HasActiveContactPerson))
                .Select(row => row.StaffDeactivatedAt!.Value)
                .ToList();
            if (gone.Count > 0)
            {
                signals.Add(new(InViewReason.ContactPersonGone, gone.Max()));
            }
        }

        return [.. signals.OrderBy(signal => signal.Since).ThenBy(signal => signal.Reason)];
    }

    /// <summary>The worklist: everyone with at least one reason, the longest out of view first.</summary>
    public static IReadOnlyList<InViewEntry> Worklist(IEnumerable<InViewFacts> people, DateTimeOffset now, TimeSpan noContactAfter, TimeSpan warmWithin)
    {
        ArgumentNullException.ThrowIfNull(people);
        return [.. people
            .Select(person => new InViewEntry(person.PersonId, person.Name, Judge(person, now, noContactAfter, warmWithin)))
            .Where(entry => entry.Signals.Count > 0)
            .OrderBy(entry => entry.Since)
            .ThenBy(entry => entry.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>
    /// Only the latest hand-over counts: an earlier one that expired was followed by another try. Open past half its
    /// lifetime, or accepted and not met within <paramref name="warmWithin"/>, it is stuck; expired, it needs a new start.
    /// </summary>
    private static InViewSignal? HandoverSignal(HandoverFacts handover, DateTimeOffset now, TimeSpan warmWithin)
    {
        switch (handover.Status)
        {
            case HandoverStatus.Proposed or HandoverStatus.Consented:
                var halfway = handover.ProposedAt + ((handover.ExpiresAt - handover.ProposedAt) / 2);
                return now > halfway ? new(InViewReason.HandoverStuck, halfway) : null;
            case HandoverStatus.Accepted when handover.AcceptedAt is { } accepted && now - accepted > warmWithin:
                return new(InViewReason.HandoverStuck, accepted + warmWithin);
            case HandoverStatus.Expired:
                return new(InViewReason.HandoverExpired, handover.EndedAt ?? handover.ExpiresAt);
            default:
                return null;
        }
    }

    private static DateTimeOffset Latest(DateTimeOffset first, DateTimeOffset? second) => second is { } other && other > first ? other : first;
}
