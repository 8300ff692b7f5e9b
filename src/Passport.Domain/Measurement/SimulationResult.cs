namespace Passport.Domain.Measurement;

/// <summary>
/// How one administration strategy did. <see cref="Bias"/> (mean of estimate − true theta), <see cref="Rmse"/>,
/// <see cref="ReachedTargetShare"/> and <see cref="MeanStandardError"/> are taken over every (respondent, skill)
/// pair of the session's final estimates; <see cref="MeanItems"/> is the mean session length in items.
/// </summary>
public sealed record SimulationResult(
    string Strategy,
    int Respondents,
    double Bias,
    double Rmse,
    double MeanItems,
    double ReachedTargetShare,
    double MeanStandardError);
