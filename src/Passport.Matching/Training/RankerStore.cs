using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Data.Matching;
using Passport.Data.Vacancies;
using Passport.Domain.Skills;
using Passport.Matching.Candidates;

namespace Passport.Matching.Training;

/// <summary>
/// The ranker's life cycle over the database: the cold start (the first model, trained on the seeded simulated
/// market when none exists), retraining from employers' recorded outcomes with the promotion rule, rollback, and the
/// active model for scoring, re-checked every <see cref="MatchingOptions.ModelCheck"/> so a model promoted by
/// another host or the CLI is picked up.
/// </summary>
public sealed partial class RankerStore(
    PassportDatabase database,
    RankerModelRepository models,
    MatchRepository matches,
    VacancyRepository vacancies,
    CandidateProfileReader candidates,
    SkillCatalog skills,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<RankerStore> logger) : IDisposable
{
    public const string SimulationSource = "Simulation";
    public const string OutcomesSource = "Outcomes";
    private const double HeldOutShare = 0.3;
    private static readonly TimeSpan ColdStartLockTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _training = new(1, 1);
    private readonly FeatureSchema _schema = new(skills.All.Select(skill => skill.Id));
    private volatile Loaded? _loaded;

    public FeatureSchema Schema => _schema;

    /// <summary>The active model; trains the first one if there is none.</summary>
    public async ValueTask<LightGbmRanker> GetAsync(CancellationToken cancellationToken = default)
    {
        var loaded = _loaded;
        if (loaded is not null && time.GetUtcNow() - loaded.CheckedAt < options.Value.ModelCheck)
        {
            return loaded.Ranker;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var version = await models.GetActiveVersionAsync(cancellationToken);
            if (version is null)
            {
                // Hosts starting together on an empty database would each train one; under the cross-host start-up
                // lock, the first trains and the others find its model.
                await using (await StartupLock.AcquireAsync(database, ColdStartLockTimeout, time, cancellationToken))
                {
                    if (await models.GetActiveVersionAsync(cancellationToken) is null)
                    {
                        await ColdStartAsync(cancellationToken);
                    }
                }

                version = await models.GetActiveVersionAsync(cancellationToken)
                    ?? throw new InvalidOperationException("The first model was stored but is not active.");
            }

            loaded = _loaded;
            _loaded = loaded is not null && loaded.Ranker.Metadata.Version == version
                ? loaded with { CheckedAt = time.GetUtcNow() }
                : new Loaded(await LoadAsync(version, cancellationToken), time.GetUtcNow());
            return _loaded.Ranker;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Trains a model on the recorded outcomes and promotes it only if, on held-out vacancies, it ranks at least as
    /// well as the active model does on the same vacancies. Rejected models are stored too, for the record.
    /// </summary>
    public async Task<RetrainResult> RetrainAsync(CancellationToken cancellationToken = default)
    {
        // One run at a time on this host (the job and an administrator may ask at once); across hosts the promotion
        // rule makes a second run on the same outcomes harmless.
        await _training.WaitAsync(cancellationToken);
        try
        {
            return await RetrainOnceAsync(cancellationToken);
        }
        finally
        {
            _training.Release();
        }
    }

    private async Task<RetrainResult> RetrainOnceAsync(CancellationToken cancellationToken)
    {
        var active = await GetAsync(cancellationToken);
        var pairs = await RecordedPairsAsync(cancellationToken);
        var byVacancy = pairs.GroupBy(pair => pair.Vacancy.VacancyRef, StringComparer.Ordinal)
            .Where(group => group.Select(pair => pair.Outcome).Distinct().Count() >= 2)
            .ToList();
        if (byVacancy.Count < options.Value.MinimumOutcomeVacancies)
        {
            LogNotEnough(logger, byVacancy.Count, options.Value.MinimumOutcomeVacancies);
            return new RetrainResult(RetrainDecision.NotEnoughOutcomes, null, active.Metadata.Version, byVacancy.Count, pairs.Count, null, null);
        }

        // Held-out vacancies drawn reproducibly from the data itself, so a rerun on the same outcomes decides the same.
        var refs = byVacancy.Select(group => group.Key).Order(StringComparer.Ordinal).ToArray();
        new Random(refs.Length).Shuffle(refs);
        var heldOutRefs = refs.Take(Math.Max(1, (int)Math.Round(refs.Length * HeldOutShare))).ToHashSet(StringComparer.Ordinal);
        var usable = byVacancy.SelectMany(group => group).ToList();
        var training = usable.Where(pair => !heldOutRefs.Contains(pair.Vacancy.VacancyRef)).ToList();
        var heldOut = usable.Where(pair => heldOutRefs.Contains(pair.Vacancy.VacancyRef)).ToList();

        var challenger = LightGbmRanker.Train(_schema, training, NewVersion("out"), time);
        var challengerNdcg = MatchingEvaluation.MeanNdcg(challenger, heldOut);
        var activeNdcg = MatchingEvaluation.MeanNdcg(active, heldOut);
        var promote = ModelPromotion.ShouldPromote(activeNdcg, challengerNdcg);
        challenger = challenger.WithMetadata(challenger.Metadata with
        {
            Metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["heldOutNdcgAt10"] = Math.Round(challengerNdcg, 4),
                ["activeHeldOutNdcgAt10"] = Math.Round(activeNdcg, 4),
                ["heldOutVacancies"] = heldOutRefs.Count,
                ["heldOutPairs"] = heldOut.Count,
            },
        });
        await StoreAsync(challenger, OutcomesSource, promote ? "Active" : "Rejected", challengerNdcg, activeNdcg, cancellationToken);
        LogRetrained(logger, challenger.Metadata.Version, promote ? "promoted" : "rejected", challengerNdcg, activeNdcg, byVacancy.Count);
        if (promote)
        {
            _loaded = new Loaded(challenger, time.GetUtcNow());
        }

        return new RetrainResult(
            promote ? RetrainDecision.Promoted : RetrainDecision.Rejected,
            challenger.Metadata.Version,
            promote ? challenger.Metadata.Version : active.Metadata.Version,
            byVacancy.Count,
            usable.Count,
            challengerNdcg,
            activeNdcg);
    }

    /// <summary>Makes a stored model active again (a rollback); false for an unknown or already active version.</summary>
    public async Task<bool> ActivateAsync(string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (!await models.ActivateAsync(version, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        _loaded = new Loaded(await LoadAsync(version, cancellationToken), time.GetUtcNow());
        LogActivated(logger, version);
        return true;
    }

    public void Dispose()
    {
        _gate.Dispose();
        _training.Dispose();
    }

    private async Task ColdStartAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value.ColdStartSeed;
        var simulation = new SimulationOptions { Seed = seed };
        var market = LabourMarketSimulator.Generate(_schema.SkillIds, simulation);
        var (training, heldOut) = market.SplitByVacancy(HeldOutShare, seed);
        var ranker = LightGbmRanker.Train(_schema, training, NewVersion("sim"), time);
        var ndcg = MatchingEvaluation.MeanNdcg(ranker, heldOut);
        ranker = ranker.WithMetadata(ranker.Metadata with
        {
            Metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["heldOutNdcgAt10"] = Math.Round(ndcg, 4),
                ["heldOutVacancies"] = heldOut.Select(pair => pair.Vacancy.VacancyRef).Distinct().Count(),
                ["top10SelectionRateRatio"] = Math.Round(MatchingEvaluation.Selection(ranker, heldOut, market.Groups).Ratio, 4),
                ["simulationSeed"] = seed,
            },
        });
        await StoreAsync(ranker, SimulationSource, "Active", ndcg, null, cancellationToken);
        LogColdStart(logger, ranker.Metadata.Version, ranker.Metadata.TrainingPairs, ndcg);
    }

    private async Task StoreAsync(LightGbmRanker ranker, string source, string status, double ndcg, double? compared, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        ranker.Save(buffer);
        var metadata = ranker.Metadata;
        var now = time.GetUtcNow();
        await models.AddAsync(
            new RankerModelRow
            {
                Version = metadata.Version,
                Source = source,
                Status = status,
                TrainedAt = metadata.TrainedAt,
                TrainingPairs = metadata.TrainingPairs,
                TrainingVacancies = metadata.TrainingVacancies,
                HeldOutNdcg = Math.Round(ndcg, 4),
                ComparedNdcg = compared is { } c ? Math.Round(c, 4) : null,
                Metadata = JsonSerializer.Serialize(metadata, Json),
                CreatedAt = now,
                PromotedAt = status == "Active" ? now : null,
            },
            buffer.ToArray(),
            cancellationToken);
    }

    private async Task<LightGbmRanker> LoadAsync(string version, CancellationToken cancellationToken)
    {
        var bytes = await models.GetModelAsync(version, cancellationToken)
            ?? throw new InvalidOperationException($"Model {version} is not stored.");
        using var stream = new MemoryStream(bytes, writable: false);
        return LightGbmRanker.Load(stream, _schema);
    }

    /// <summary>Recorded outcomes as training pairs, with the vacancy as stored and the candidate's passport as it is now.</summary>
    private async Task<List<LabelledPair>> RecordedPairsAsync(CancellationToken cancellationToken)
    {
        var outcomes = await matches.ListOutcomesAsync(cancellationToken);
        var people = (await candidates.ReadAsync(CandidateScope.Findable([.. outcomes.Select(row => row.UserId).Distinct()]), cancellationToken))
            .ToDictionary(candidate => candidate.UserId);
        var pairs = new List<LabelledPair>(outcomes.Count);
        foreach (var group in outcomes.GroupBy(row => row.VacancyId))
        {
            if (await vacancies.GetAsync(group.Key, cancellationToken) is not { } record)
            {
                continue;
            }

            var vacancy = VacancyProfiles.From(record.Id, record.Vacancy);
            foreach (var row in group)
            {
                // People who since switched off being findable, or left, no longer train the ranker.
                if (people.TryGetValue(row.UserId, out var candidate) && Enum.TryParse<Outcome>(row.Outcome, out var outcome))
                {
                    pairs.Add(new LabelledPair(vacancy, candidate.Profile, outcome));
                }
            }
        }

        return pairs;
    }

    private string NewVersion(string prefix) => string.Create(
        CultureInfo.InvariantCulture,
        $"{prefix}-{time.GetUtcNow():yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}");

    private sealed record Loaded(LightGbmRanker Ranker, DateTimeOffset CheckedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "No ranker model stored: trained {Version} on {Pairs} simulated pairs (held-out NDCG@10 {Ndcg:F3}).")]
    private static partial void LogColdStart(ILogger logger, string version, int pairs, double ndcg);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrained {Version}: {Decision} (held-out NDCG@10 {Challenger:F3} against the active model's {Active:F3}; {Vacancies} vacancies).")]
    private static partial void LogRetrained(ILogger logger, string version, string decision, double challenger, double active, int vacancies);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retraining skipped: {Vacancies} vacancies with at least two different outcomes, {Needed} needed.")]
    private static partial void LogNotEnough(ILogger logger, int vacancies, int needed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ranker model {Version} made active by hand (rollback).")]
    private static partial void LogActivated(ILogger logger, string version);
}
