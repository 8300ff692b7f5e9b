using System.Net;
using System.Net.Sockets;

namespace Passport.Testing;

/// <summary>TCP ports nobody listens on right now, for the silos the tests start (each test host needs its own).</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
