using System.Net.Sockets;

namespace CommerceBrain.Load.Commands;

/// <summary>One TCP connect to the target before a run, so that a silo that is not running is one clear line, not a report full of errors.</summary>
public static class TargetProbe
{
    /// <summary>Null when the target accepts a connection within <paramref name="timeout"/>, else the reason ("connection refused").</summary>
    public static async Task<string?> ProbeAsync(Uri target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(target.DnsSafeHost, target.Port, cts.Token).ConfigureAwait(false);
            return null;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "unknown host",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
                SocketError.TimedOut => $"no answer within {DurationText.Format(timeout)}",
                _ => ex.Message,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {DurationText.Format(timeout)}";
        }
    }
}
