using System.Text;

namespace Passport.Web.Tests.Privacy;

/// <summary>Reads every byte of every file under a folder, to prove a value is in none of them, in whatever page or log.</summary>
public static class FileScan
{
    /// <summary>
    /// Each file (and the needle) where one of <paramref name="needles"/> occurs, ignoring ASCII case (SQLite keeps an
    /// upper-cased copy of the e-mail address), as UTF-8 (SQLite's text encoding) or UTF-16.
    /// </summary>
    public static List<string> Find(string folder, params string[] needles)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            // The host may have left a file open; reading must not need it closed.
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            Lower(bytes);
            foreach (var needle in needles)
            {
                var lowered = needle.ToLowerInvariant();
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(lowered)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(lowered)) >= 0)
                {
                    found.Add($"{Path.GetRelativePath(folder, file)}: {needle}");
                }
            }
        }

        return found;
    }

    private static void Lower(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is >= (byte)'A' and <= (byte)'Z')
            {
                bytes[i] += 'a' - 'A';
            }
        }
    }
}
