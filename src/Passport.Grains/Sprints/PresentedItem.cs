using System.Collections.Immutable;
using Passport.Domain.Sprints;

namespace Passport.Grains.Sprints;

/// <summary>
/// An item as shown to the player, in the session's language. <see cref="Deadline"/> is the server's clock
/// for timed items: an answer after it is refused.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PresentedItem(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] int Index,
    [property: Id(3)] string Kind,
    [property: Id(4)] string Prompt,
    [property: Id(5)] ImmutableArray<PresentedOption> Options,
    [property: Id(6)] int? TimeLimitMs,
    [property: Id(7)] PresentedScale? Scale,
    [property: Id(8)] DateTimeOffset? Deadline,
    [property: Id(9)] int MaxItems,
    [property: Id(10)] string SkillId)
{
    /// <summary>
    /// <paramref name="item"/> in <paramref name="language"/>, as the <paramref name="index"/>th item of its session;
    /// a timed item's deadline runs from <paramref name="presentedAt"/>.
    /// </summary>
    public static PresentedItem Of(SprintItem item, string language, Guid sessionId, int index, int maxItems, DateTimeOffset? presentedAt)
    {
        ArgumentNullException.ThrowIfNull(item);
        var choices = item.Kind == ItemKind.Scale
            ? ImmutableArray<PresentedOption>.Empty
            : [.. item.Options.Select(option => new PresentedOption(option.Id, option.Text.In(language)))];
        var scale = item.Scale is { } spec ? new PresentedScale(spec.Min, spec.Max, spec.Low.In(language), spec.High.In(language)) : null;
        return new PresentedItem(
            sessionId,
            item.Id,
            index,
            item.Kind.ToString().ToLowerInvariant(),
            item.Prompt.In(language),
            choices,
            item.TimeLimit is { } limit ? (int)limit.TotalMilliseconds : null,
            scale,
            item.TimeLimit is { } timeLimit && presentedAt is { } at ? at + timeLimit : null,
            maxItems,
            item.SkillId);
    }
}

[GenerateSerializer, Immutable]
public sealed record PresentedOption([property: Id(0)] string Id, [property: Id(1)] string Text);

[GenerateSerializer, Immutable]
public sealed record PresentedScale(
    [property: Id(0)] int Min,
    [property: Id(1)] int Max,
    [property: Id(2)] string Low,
    [property: Id(3)] string High);
