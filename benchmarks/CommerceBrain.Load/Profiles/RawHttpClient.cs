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
internal sealed class RawHttpClient(Uri uri, TimeSpan timeout) : IDisposable
{
    private readonly ConcurrentBag<RawHttpConnection> idle = [];
    private readonly byte[] request = Encoding.ASCII.GetBytes(
        $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUser-Agent: commercebrain-load\r\nAccept: */*\r\n\r\n");

    private readonly ConcurrentBag<CancellationTokenSource> timers = [];
    private bool disposed;

    /// <summary>One GET; the connection goes back to the pool only when its response was read whole.</summary>
    public async Task<Response> GetAsync(CancellationToken cancellationToken)
    {
        if (!timers.TryTake(out var timer))
        {
            timer = new CancellationTokenSource();
        }

        RawHttpConnection? connection = null;
        // The run's cancellation (Ctrl+C, end of the run) reaches the pooled timeout source without a linked source per request.
        using var stop = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), timer);
        try
        {
            timer.CancelAfter(timeout);
            if (!idle.TryTake(out connection))
            {
                connection = await RawHttpConnection.OpenAsync(uri.IdnHost, uri.Port, timer.Token).ConfigureAwait(false);
            }

            var (status, size) = await connection.SendAsync(request, timer.Token).ConfigureAwait(false);
            var text = HttpProfile.StatusText(status);
            return status is >= 200 and < 400
                ? Response.Ok(statusCode: text, sizeBytes: size)
                : Response.Fail(text, "HTTP " + text, size);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Response.Fail("timeout", $"no response within {timeout.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
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
                    connection.Dispose();
                }
            }

            // A timer that fired (timeout or the run's cancellation) is not reused.
            stop.Dispose();
            if (timer.TryReset())
            {
                timers.Add(timer);
            }
            else
            {
                timer.Dispose();
            }
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var connection))
        {
            connection.Dispose();
        }

        while (timers.TryTake(out var timer))
        {
            timer.Dispose();
        }
    }
}
