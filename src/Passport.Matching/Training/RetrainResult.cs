namespace Passport.Matching.Training;

public enum RetrainDecision
{
    /// <summary>Too few vacancies with recorded outcomes to train and judge a model fairly; nothing changed.</summary>
    NotEnoughOutcomes,

    /// <summary>The new model was at least as good on held-out vacancies and is now active.</summary>
    Promoted,

    /// <summary>The new model was worse on held-out vacancies; it is kept for the record, the active one stays.</summary>
    Rejected,
}

/// <summary>What one retraining run did, with the figures it decided on.</summary>
public sealed record RetrainResult(
    RetrainDecision Decision,
    string? Version,
    string? ActiveVersion,
    int Vacancies,
    int Pairs,
    double? ChallengerNdcg,
    double? ActiveNdcg);
