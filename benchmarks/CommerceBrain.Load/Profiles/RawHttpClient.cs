using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace CommerceBrain.Load;

/// <summary>
/// GETs of one fixed URL over a pool of <see cref="RawHttpConnection"/>s (one per concurrent request; idle ones are reused,
/// broken ones dropped). The <c>http</c> profile's default client: it costs the driver about what wrk's C client costs, so
/// that on a trivial endpoint the comparison measures the silo, not the generator. HttpClient (the Double-11 profile's
/// client) is there as <c>--option client=httpclient</c>.
/// </summary>
/// <remarks>
/// Timeouts are checked by one watchdog every 100 ms (as wrk does) rather than a timer per request: arming and disarming a
/// cancellation timer for each of ~50,000 requests/s was a measurable share of the driver's CPU.
/// </remarks>
internal sealed class RawHttpClient : IDisposable
{
    private static readonly TimeSpan WatchdogPeriod = TimeSpan.FromMilliseconds(100);

    private readonly Uri uri;
    private readonly TimeSpan timeout;
    private readonly byte[] request;
    private readonly ConcurrentBag<RawHttpConnection> idle = [];
    private readonly ConcurrentDictionary<RawHttpConnection, byte> open = new();
    private readonly Timer watchdog;
    private int registered;
    private volatile bool disposed;

    public RawHttpClient(Uri uri, TimeSpan timeout)
    {
        this.uri = uri;
        this.timeout = timeout;
        request = Encoding.ASCII.GetBytes($"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\n\r\n");
        watchdog = new Timer(static s => ((RawHttpClient)s!).AbortLate(), this, WatchdogPeriod, WatchdogPeriod);
    }

    /// <summary>One GET; the connection goes back to the pool only when its response was read whole.</summary>
    public async Task<Response> GetAsync(CancellationToken cancellationToken)
    {
        if (registered == 0 && Interlocked.Exchange(ref registered, 1) == 0)
        {
            // The run's cancellation (Ctrl+C, the end of the run) drops every connection, which ends pending requests.
            cancellationToken.UnsafeRegister(static s => ((RawHttpClient)s!).AbortAll(), this);
        }

        RawHttpConnection? connection = null;
        try
        {
            if (!idle.TryTake(out connection))
            {
                using var connecting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                connecting.CancelAfter(timeout);
                connection = await RawHttpConnection.OpenAsync(uri.IdnHost, uri.Port, connecting.Token).ConfigureAwait(false);
                open[connection] = 0;
                if (disposed)
                {
                    connection.Abort();
                }
            }

            connection.Deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
            var (status, size) = await connection.SendAsync(request).ConfigureAwait(false);
            connection.Deadline = 0;
            var text = HttpProfile.StatusText(status);
            return status is >= 200 and < 400
                ? Response.Ok(statusCode: text, sizeBytes: size)
                : Response.Fail(text, "HTTP " + text, size);
        }
        catch (Exception ex) when (connection is { TimedOut: true } && ex is SocketException or IOException or ObjectDisposedException)
        {
            return Response.Fail("timeout", $"no response within {timeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Response.Fail("timeout", $"no connection within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            return Response.Fail("connection_error", ex.Message);
        }
        finally
        {
            if (connection is not null)
            {
                if (connection.Reusable && !disposed)
                {
                    idle.Add(connection);
                }
                else
                {
                    open.TryRemove(connection, out _);
                    connection.Dispose();
                }
            }
        }
    }

    public void Dispose()
    {
        disposed = true;
        watchdog.Dispose();
        AbortAll();
    }

    private void AbortLate()
    {
        var now = Environment.TickCount64;
        foreach (var connection in open.Keys)
        {
            var deadline = connection.Deadline;
            if (deadline != 0 && now > deadline)
            {
                connection.Abort();
            }
        }
    }

    private void AbortAll()
    {
        foreach (var connection in open.Keys)
        {
            connection.Abort();
        }
    }
}
