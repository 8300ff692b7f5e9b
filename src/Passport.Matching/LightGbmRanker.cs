using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Passport.Matching;

/// <summary>Scores the candidates of one vacancy; higher is better. Scores compare only within one call.</summary>
public interface ICandidateScorer
{
    string Name { get; }

    float[] Score(VacancyProfile vacancy, IReadOnlyList<CandidateProfile> candidates);
}

/// <summary>What a stored model says about itself (the model card's numbers, and the log's model version).</summary>
public sealed record ModelMetadata(
    string Version,
    DateTimeOffset TrainedAt,
    int TrainingPairs,
    int TrainingVacancies,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> SkillIds,
    IReadOnlyList<string> FeatureNames);

/// <summary>Training settings; the defaults are small enough to train in seconds on two cores.</summary>
public sealed record RankerTrainingOptions
{
    public int Seed { get; init; } = 1;

    public int Iterations { get; init; } = 150;

    public int Leaves { get; init; } = 15;

    public double LearningRate { get; init; } = 0.08;

    public int MinimumExamplesPerLeaf { get; init; } = 20;

    /// <summary>One thread keeps a seeded training run reproducible.</summary>
    public int Threads { get; init; } = 1;
}

/// <summary>
/// The learned ranker: an ML.NET LightGBM LambdaRank model over <see cref="PairFeatures"/>, trained from labelled
/// pairs grouped by vacancy. Thread-safe for scoring (batch transforms, no shared prediction engine).
/// </summary>
public sealed class LightGbmRanker : ICandidateScorer
{
    private const string ModelEntry = "model.zip";
    private const string MetadataEntry = "metadata.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly MLContext _context;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly SchemaDefinition _rowSchema;
    private readonly CompiledTrees? _trees;

    private LightGbmRanker(MLContext context, ITransformer model, DataViewSchema inputSchema, FeatureSchema schema, ModelMetadata metadata)
    {
        _context = context;
        _model = model;
        _trees = CompiledTrees.From(model);
        _inputSchema = inputSchema;
        Schema = schema;
        Metadata = metadata;
        _rowSchema = RowSchema(schema.Count);
    }

    public string Name => "LightGBM LambdaRank";

    public FeatureSchema Schema { get; }

    public ModelMetadata Metadata { get; }

    /// <summary>Trains on <paramref name="pairs"/>; <paramref name="metrics"/> (e.g. held-out NDCG@10) go into the metadata.</summary>
    public static LightGbmRanker Train(
        FeatureSchema schema,
        IReadOnlyList<LabelledPair> pairs,
        string version,
        TimeProvider clock,
        RankerTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new RankerTrainingOptions();
        if (pairs.Count == 0)
        {
            throw new ArgumentException("Needs at least one labelled pair.", nameof(pairs));
        }

        // LambdaRank needs each vacancy's rows to be contiguous; group ids are 1-based keys.
        var groupIds = new Dictionary<string, uint>(StringComparer.Ordinal);
        var rows = pairs
            .GroupBy(p => p.Vacancy.VacancyRef, StringComparer.Ordinal)
            .SelectMany(g => g)
            .Select(p =>
            {
                if (!groupIds.TryGetValue(p.Vacancy.VacancyRef, out var id))
                {
                    id = (uint)groupIds.Count + 1;
                    groupIds[p.Vacancy.VacancyRef] = id;
                }

                return new TrainingRow { Label = (float)p.Outcome, GroupId = id, Features = schema.Compute(p.Candidate, p.Vacancy).Values.ToArray() };
            })
            .ToList();

        var context = new MLContext(options.Seed);
        var definition = SchemaDefinition.Create(typeof(TrainingRow));
        definition[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, schema.Count);
        definition[nameof(TrainingRow.GroupId)].ColumnType = new KeyDataViewType(typeof(uint), groupIds.Count + 1);
        var data = context.Data.LoadFromEnumerable(rows, definition);
        var trainer = context.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            RowGroupColumnName = nameof(TrainingRow.GroupId),
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            NumberOfThreads = options.Threads,
            Seed = options.Seed,
            Silent = true,
        });
        var model = trainer.Fit(data);
        var metadata = new ModelMetadata(
            version,
            clock.GetUtcNow(),
            rows.Count,
            groupIds.Count,
            new Dictionary<string, double>(StringComparer.Ordinal),
            schema.SkillIds,
            schema.FeatureNames);
        var scoringInput = context.Data.LoadFromEnumerable(Array.Empty<ScoringRow>(), RowSchema(schema.Count)).Schema;
        return new LightGbmRanker(context, model, scoringInput, schema, metadata);
    }

    /// <summary>The same model with other metadata (e.g. after measuring it on held-out vacancies).</summary>
    public LightGbmRanker WithMetadata(ModelMetadata metadata) =>
        new(_context, _model, _inputSchema, Schema, metadata ?? throw new ArgumentNullException(nameof(metadata)));

    /// <summary>
    /// Scores <paramref name="candidates"/> for <paramref name="vacancy"/>: with the model's trees evaluated directly
    /// (<see cref="CompiledTrees"/>, the same scores as ML.NET's), or through ML.NET when the model is no plain tree
    /// ensemble.
    /// </summary>
    public float[] Score(VacancyProfile vacancy, IReadOnlyList<CandidateProfile> candidates)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(candidates);
        if (_trees is { } trees)
        {
            var width = Schema.Count;
            var rows = ArrayPool<float>.Shared.Rent(candidates.Count * width);
            try
            {
                for (var i = 0; i < candidates.Count; i++)
                {
                    Schema.ComputeInto(candidates[i], vacancy, rows.AsSpan(i * width, width));
                }

                var scores = new float[candidates.Count];
                trees.Score(rows.AsSpan(0, candidates.Count * width), width, scores);
                return scores;
            }
            finally
            {
                ArrayPool<float>.Shared.Return(rows);
            }
        }

        return ScoreWithMlNet(vacancy, candidates);
    }

    /// <summary>The same as <see cref="Score"/>, always through ML.NET's batch transform (the reference).</summary>
    public float[] ScoreWithMlNet(VacancyProfile vacancy, IReadOnlyList<CandidateProfile> candidates)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(candidates);
        var features = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            features[i] = new float[Schema.Count];
            Schema.ComputeInto(candidates[i], vacancy, features[i]);
        }

        return ScoreFeaturesWithMlNet(features);
    }

    /// <summary>Scores raw feature vectors (each of length <see cref="FeatureSchema.Count"/>) in one batch.</summary>
    public float[] ScoreFeatures(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (_trees is { } trees)
        {
            var scores = new float[features.Count];
            for (var i = 0; i < features.Count; i++)
            {
                trees.Score(features[i], features[i].Length, scores.AsSpan(i, 1));
            }

            return scores;
        }

        return ScoreFeaturesWithMlNet(features);
    }

    private float[] ScoreFeaturesWithMlNet(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0)
        {
            return [];
        }

        var data = _context.Data.LoadFromEnumerable(features.Select(f => new ScoringRow { Features = f }), _rowSchema);
        return _model.Transform(data).GetColumn<float>("Score").ToArray();
    }

    /// <summary>Writes the model and its metadata to <paramref name="stream"/> as one zip archive.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = archive.CreateEntry(MetadataEntry).Open())
        {
            JsonSerializer.Serialize(entry, Metadata, Json);
        }

        using var modelStream = archive.CreateEntry(ModelEntry).Open();
        _context.Model.Save(_model, _inputSchema, modelStream);
    }

    /// <summary>Reads what <see cref="Save"/> wrote; refuses a model made for another feature layout.</summary>
    public static LightGbmRanker Load(Stream stream, FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var metadataEntry = archive.GetEntry(MetadataEntry) ?? throw new InvalidDataException("The model has no metadata.");
        var modelEntry = archive.GetEntry(ModelEntry) ?? throw new InvalidDataException("The model archive has no model.");
        ModelMetadata metadata;
        using (var entry = metadataEntry.Open())
        {
            metadata = JsonSerializer.Deserialize<ModelMetadata>(entry, Json) ?? throw new InvalidDataException("Empty model metadata.");
        }

        if (!metadata.FeatureNames.SequenceEqual(schema.FeatureNames, StringComparer.Ordinal))
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"Model {metadata.Version} was trained on other features ({metadata.FeatureNames.Count}) than this schema has ({schema.Count})."));
        }

        // ML.NET needs a seekable stream; a zip entry is not one.
        using var buffer = new MemoryStream();
        using (var entry = modelEntry.Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        var context = new MLContext();
        var model = context.Model.Load(buffer, out var inputSchema);
        return new LightGbmRanker(context, model, inputSchema, schema, metadata);
    }

    private static SchemaDefinition RowSchema(int featureCount)
    {
        var definition = SchemaDefinition.Create(typeof(ScoringRow));
        definition[nameof(ScoringRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return definition;
    }

    private sealed class TrainingRow
    {
        public float Label { get; set; }

        public uint GroupId { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class ScoringRow
    {
        public float[] Features { get; set; } = [];
    }
}

/// <summary>The promotion rule of the retraining loop, as a pure function.</summary>
public static class ModelPromotion
{
    /// <summary>
    /// Promote a challenger only if, measured on the same held-out vacancies, it is at least as good as the model in
    /// use (NDCG@10); with no model in use, the first one is promoted.
    /// </summary>
    public static bool ShouldPromote(double? currentHeldOutNdcg, double challengerHeldOutNdcg)
    {
        if (double.IsNaN(challengerHeldOutNdcg) || (currentHeldOutNdcg is { } c && double.IsNaN(c)))
        {
            throw new ArgumentException("NDCG must be a number.", nameof(challengerHeldOutNdcg));
        }

        return currentHeldOutNdcg is not { } current || challengerHeldOutNdcg >= current;
    }
}
