namespace Passport.Domain.Pathways;

/// <summary>One part of a pathway, for example "Safety on the work floor", and how many weeks it takes.</summary>
public sealed record PathwayModule(string Title, int Weeks);
