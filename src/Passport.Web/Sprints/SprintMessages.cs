using Passport.Grains.Sprints;

namespace Passport.Web.Sprints;

// The hub's wire format (JSON, camelCase): documented in docs/api.md, the public protocol of mobile apps and
// the load generator. Grain messages are mapped here so the protocol can stay put while grains change.

/// <summary>
/// Answer to <c>StartSprint</c>: the session and where it stands, the item to show (<see cref="Current"/>) or, for a
/// resumed session that is finished, its result (<see cref="Completed"/>).
/// </summary>
public sealed record SprintStartedMessage(
    Guid SessionId,
    string SprintId,
    string Title,
    int MaxItems,
    bool Resumed,
    ItemPresentedMessage? Current,
    SprintCompletedMessage? Completed);

/// <summary>Pushed as <c>ItemPresented</c>.</summary>
public sealed record ItemPresentedMessage(
    Guid SessionId,
    string ItemId,
    int Index,
    string Kind,
    string Prompt,
    IReadOnlyList<OptionMessage> Options,
    int? TimeLimitMs,
    ScaleMessage? Scale,
    DateTimeOffset? Deadline,
    int MaxItems,
    string SkillId)
{
    public static ItemPresentedMessage From(PresentedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(
            item.SessionId, item.ItemId, item.Index, item.Kind, item.Prompt,
            [.. item.Options.Select(option => new OptionMessage(option.Id, option.Text))],
            item.TimeLimitMs,
            item.Scale is { } scale ? new ScaleMessage(scale.Min, scale.Max, scale.Low, scale.High) : null,
            item.Deadline, item.MaxItems, item.SkillId);
    }
}

public sealed record OptionMessage(string Id, string Text);

public sealed record ScaleMessage(int Min, int Max, string Low, string High);

/// <summary>Pushed as <c>AnswerScored</c>; the first part of the answer to <c>SubmitAnswer</c>.</summary>
public sealed record AnswerScoredMessage(Guid SessionId, string ItemId, int Xp, int TotalXp, double Progress)
{
    public static AnswerScoredMessage From(ScoredAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(answer.SessionId, answer.ItemId, answer.Xp, answer.TotalXp, answer.Progress);
    }
}

/// <summary>
/// Answer to <c>SubmitAnswer</c>: the <c>AnswerScored</c> body with the step it leads to, the next item or the
/// result; the same step is pushed too, so a client acting on the answer never waits for a push.
/// </summary>
public sealed record AnswerStepMessage(
    Guid SessionId,
    string ItemId,
    int Xp,
    int TotalXp,
    double Progress,
    ItemPresentedMessage? Next,
    SprintCompletedMessage? Completed)
{
    public static AnswerStepMessage From(AnswerStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var scored = step.Scored;
        return new(
            scored.SessionId, scored.ItemId, scored.Xp, scored.TotalXp, scored.Progress,
            step.Next is { } next ? ItemPresentedMessage.From(next) : null,
            step.Completed is { } completed ? SprintCompletedMessage.From(completed) : null);
    }
}

/// <summary>Pushed as <c>SprintCompleted</c>.</summary>
public sealed record SprintCompletedMessage(
    Guid SessionId,
    string SprintId,
    IReadOnlyList<SkillResultMessage> Skills,
    int Xp,
    int TotalXp,
    int Level,
    IReadOnlyList<string> Badges,
    IReadOnlyList<string> NewBadges)
{
    public static SprintCompletedMessage From(CompletedSprint completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return new(
            completed.SessionId, completed.SprintId,
            [.. completed.Skills.Select(skill => new SkillResultMessage(skill.SkillId, skill.Estimate, skill.StandardError, skill.Level, skill.Strength, skill.Tip))],
            completed.Xp, completed.TotalXp, completed.Level, completed.Badges, completed.NewBadges);
    }
}

public sealed record SkillResultMessage(string SkillId, double Estimate, double StandardError, int Level, string Strength, string Tip);

/// <summary>
/// Answer to <c>ResumeSprint</c> and <c>AbandonSprint</c>: the session, the item it asks now (<see cref="Current"/>)
/// and, once completed, its result (<see cref="Completed"/>).
/// </summary>
public sealed record SessionStateMessage(
    Guid SessionId,
    string SprintId,
    string Title,
    string Status,
    int MaxItems,
    int Answered,
    ItemPresentedMessage? Current,
    SprintCompletedMessage? Completed)
{
    public static SessionStateMessage From(SessionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(
            view.SessionId, view.SprintId, view.Title, view.Status.ToString(), view.MaxItems, view.Answered,
            view.Current is { } current ? ItemPresentedMessage.From(current) : null,
            view.Completed is { } completed ? SprintCompletedMessage.From(completed) : null);
    }
}

/// <summary>Pushed as <c>ServerLeaving</c>: this host is shutting down; the sessions this connection was playing, to resume elsewhere.</summary>
public sealed record ServerLeavingMessage(IReadOnlyList<Guid> Sessions);
