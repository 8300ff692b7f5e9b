using System.Runtime.InteropServices;

namespace Passport.Load;

/// <summary>The machine a run is measured on, and where the build put the host.</summary>
public static class Machine
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        return $"{Environment.ProcessorCount} logical cores, {cpu}, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>src/Passport.Web/bin/Release/net10.0/Passport.Web.dll of the repository this program was built in.</summary>
    public static string DefaultHostDll() => ReleaseDll("Passport.Web");

    /// <summary>src/PROJECT/bin/Release/net10.0/PROJECT.dll of the repository this program was built in.</summary>
    public static string ReleaseDll(string project) =>
        Path.Combine(RepositoryRoot(), "src", project, "bin", "Release", "net10.0", project + ".dll");

    /// <summary>The folder holding Passport.sln above this program.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Passport.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Passport.sln not found above this program; pass --host-dll.");
    }
}
