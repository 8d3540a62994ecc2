using System.Net;
using System.Net.Sockets;

namespace CommerceBrain.IntegrationTests.Infrastructure;

/// <summary>Loopback ports for tests.</summary>
public static class FreePort
{
    /// <summary>A loopback port nobody listens on: bound by the OS, then released.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
