namespace Passport.Data.Matching;

/// <summary>A stored ranker model without its bytes: what the model card and the admin list show.</summary>
public sealed class RankerModelRow
{
    public string Version { get; set; } = "";

    /// <summary><c>Simulation</c> (the cold start) or <c>Outcomes</c> (retrained from employers' recorded outcomes).</summary>
    public string Source { get; set; } = "";

    /// <summary><c>Active</c> (exactly one), <c>Retired</c> (was active) or <c>Rejected</c> (lost against the active one).</summary>
    public string Status { get; set; } = "";

    public DateTimeOffset TrainedAt { get; set; }

    public int TrainingPairs { get; set; }

    public int TrainingVacancies { get; set; }

    /// <summary>NDCG@10 of this model on its held-out vacancies.</summary>
    public double HeldOutNdcg { get; set; }

    /// <summary>NDCG@10 of the model that was active, on the same held-out vacancies; null for the first model.</summary>
    public double? ComparedNdcg { get; set; }

    /// <summary>The model's own metadata as JSON (features, skills, metrics).</summary>
    public string Metadata { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PromotedAt { get; set; }
}
