using System.Globalization;

namespace Passport.Matching.Bench;

/// <summary>Resident memory of a process now and at its peak (VmRSS, VmHWM of /proc/PID/status), in MiB.</summary>
public sealed record ProcessMemory(double RssMiB, double PeakRssMiB)
{
    public static ProcessMemory? Read(int processId)
    {
        var path = $"/proc/{processId}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        double Field(string name) =>
            File.ReadLines(path).FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.Ordinal)) is { } line
                ? double.Parse(line[(name.Length + 1)..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024
                : double.NaN;
        return new ProcessMemory(Field("VmRSS"), Field("VmHWM"));
    }
}
