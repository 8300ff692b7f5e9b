using Passport.Domain.Sprints;

namespace Passport.Domain.Simulation;

/// <summary>One scored answer: the category is what the item's response model gave at the person's true ability.</summary>
/// <param name="Answer">An answer the item scores into <see cref="Category"/>, as a player would have sent it.</param>
/// <param name="AfterStart">How long after the session's start it was answered.</param>
public sealed record SimulatedResponse(string ItemId, string SkillId, int Category, Answer? Answer, int Xp, TimeSpan AfterStart);
