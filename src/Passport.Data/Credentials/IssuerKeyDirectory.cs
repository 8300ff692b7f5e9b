using System.Text.Json;
using System.Text.Json.Nodes;

namespace Passport.Data.Credentials;

/// <summary>
/// The issuer keys, one private JWK file per key (<c>&lt;kid&gt;.jwk.json</c>, mode 0600 on Unix) in a directory
/// outside the database, so a copy of the database cannot sign credentials. Several hosts may share the directory:
/// a key file appears whole (written aside, then renamed) and is never changed afterwards, and the newest key signs.
/// </summary>
public sealed class IssuerKeyDirectory(string path)
{
    public const string FileSuffix = ".jwk.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Every key in the directory, newest first (the first one signs). Empty when there is none yet.</summary>
    public IReadOnlyList<IssuerKey> Load()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var keys = new List<IssuerKey>();
        foreach (var file in KeyFiles())
        {
            keys.Add(Read(file));
        }

        return [.. keys.OrderByDescending(key => key.Created).ThenBy(key => key.Kid, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Changes whenever a key file is added, removed or replaced: names, sizes and times of the files. Cheap (one
    /// directory listing), so a host can ask before every use instead of caching the keys forever.
    /// </summary>
    public string Fingerprint() => !Directory.Exists(Path)
        ? ""
        : string.Join('|', KeyFiles().Select(file => $"{file.Name}:{file.Length}:{file.LastWriteTimeUtc.Ticks}").Order(StringComparer.Ordinal));

    /// <summary>Makes a new key and stores it; from now on it signs. Older keys stay, so what they signed still verifies.</summary>
    public IssuerKey Create(DateTimeOffset now)
    {
        EnsureDirectory();
        var key = IssuerKey.Generate(now);
        var final = System.IO.Path.Combine(Path, key.Kid + FileSuffix);
        var aside = System.IO.Path.Combine(Path, $".{key.Kid}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(aside, options))
        {
            JsonSerializer.Serialize(stream, key.ToPrivateJwk(), Indented);
            stream.Flush(flushToDisk: true);
        }

        File.Move(aside, final);
        return key;
    }

    /// <summary>The keys, after creating the first one if the directory has none.</summary>
    public IReadOnlyList<IssuerKey> EnsureKey(DateTimeOffset now)
    {
        var keys = Load();
        if (keys.Count > 0)
        {
            return keys;
        }

        Create(now);
        return Load();
    }

    private static IssuerKey Read(FileInfo file)
    {
        const string Problem = "is not an EC P-256 private JWK with 'created'";
        try
        {
            return (JsonNode.Parse(File.ReadAllText(file.FullName)) is JsonObject jwk ? IssuerKey.FromPrivateJwk(jwk) : null)
                ?? throw new InvalidDataException($"Issuer key file {file.FullName} {Problem}.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Issuer key file {file.FullName} {Problem}: {ex.Message}", ex);
        }
    }

    private IEnumerable<FileInfo> KeyFiles() =>
        new DirectoryInfo(Path).EnumerateFiles("*" + FileSuffix).Where(file => !file.Name.StartsWith('.'));

    private void EnsureDirectory()
    {
        if (Directory.Exists(Path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Path);
        }
        else
        {
            Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
