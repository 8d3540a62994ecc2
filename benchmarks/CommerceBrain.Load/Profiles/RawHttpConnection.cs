using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace CommerceBrain.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a fixed GET and reads the answer (Content-Length or chunked body),
/// the way wrk does: no header collections, no response objects, one buffer per connection. Not thread-safe: one
/// request at a time (the pool hands it to one iteration).
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private const int BufferSize = 16 * 1024;

    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    private readonly Socket socket;
    private readonly byte[] buffer = new byte[BufferSize];

    private long deadline;

    // Received bytes not consumed yet: buffer[start..end).
    private int start;
    private int end;

    private RawHttpConnection(Socket socket) => this.socket = socket;

    /// <summary>False once the server said <c>Connection: close</c> or the connection broke: the pool drops it.</summary>
    public bool Reusable { get; private set; } = true;

    /// <summary><see cref="Environment.TickCount64"/> by which the request in flight must be answered; 0 when idle.</summary>
    public long Deadline
    {
        get => Volatile.Read(ref deadline);
        set => Volatile.Write(ref deadline, value);
    }

    /// <summary>True once <see cref="Abort"/> ended the connection (a request over its deadline, or the run's end).</summary>
    public bool TimedOut { get; private set; }

    public static async Task<RawHttpConnection> OpenAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return new RawHttpConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="request"/> (a whole request) and reads the response; returns its status and body size.</summary>
    public async Task<(int Status, long BodyBytes)> SendAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default)
    {
        Reusable = false; // until the response was read whole
        while (!request.IsEmpty)
        {
            var sent = await socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            request = request[sent..];
        }

        // Status line and headers: they fit in the buffer (a larger head is refused rather than mis-read).
        int headEnd;
        while ((headEnd = buffer.AsSpan(start, end - start).IndexOf(HeaderEnd)) < 0)
        {
            await ReceiveMoreAsync(cancellationToken).ConfigureAwait(false);
        }

        var head = buffer.AsSpan(start, headEnd + 2); // keeps the last header's CRLF
        var status = ParseStatus(head);
        var (contentLength, chunked, close) = ParseHeaders(head);
        start += headEnd + HeaderEnd.Length;

        long body;
        if (chunked)
        {
            body = await ReadChunkedAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (contentLength >= 0)
        {
            body = await SkipAsync(contentLength, cancellationToken).ConfigureAwait(false);
        }
        else if (status is 204 or 304 or < 200)
        {
            body = 0;
        }
        else
        {
            throw new RawHttpProtocolException("a response without Content-Length or chunked encoding (read-to-close is not supported)");
        }

        Reusable = !close && !TimedOut;
        return (status, body);
    }

    /// <summary>Ends the connection from another thread: the request in flight fails and the pool drops the connection.</summary>
    public void Abort()
    {
        TimedOut = true;
        Reusable = false;
        socket.Dispose();
    }

    public void Dispose() => socket.Dispose();

    private async Task ReceiveMoreAsync(CancellationToken cancellationToken)
    {
        if (start == end)
        {
            start = end = 0;
        }
        else if (end == buffer.Length)
        {
            if (start == 0)
            {
                throw new RawHttpProtocolException($"a response head or chunk line over {BufferSize} bytes");
            }

            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new RawHttpProtocolException("the server closed the connection in the middle of a response");
        }

        end += read;
    }

    /// <summary>Consumes <paramref name="count"/> body bytes (counted, not kept).</summary>
    private async Task<long> SkipAsync(long count, CancellationToken cancellationToken)
    {
        var left = count;
        while (true)
        {
            var take = (int)Math.Min(left, end - start);
            start += take;
            left -= take;
            if (left == 0)
            {
                return count;
            }

            await ReceiveMoreAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<long> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var size = await ReadChunkSizeAsync(cancellationToken).ConfigureAwait(false);
            if (size == 0)
            {
                // Trailers (usually none) up to the empty line.
                while (true)
                {
                    var line = await ReadLineLengthAsync(cancellationToken).ConfigureAwait(false);
                    if (line == 0)
                    {
                        return total;
                    }
                }
            }

            total += await SkipAsync(size, cancellationToken).ConfigureAwait(false);
            if (await ReadLineLengthAsync(cancellationToken).ConfigureAwait(false) != 0)
            {
                throw new RawHttpProtocolException("a chunk longer than its size");
            }
        }
    }

    private async Task<long> ReadChunkSizeAsync(CancellationToken cancellationToken)
    {
        int lineEnd;
        while ((lineEnd = buffer.AsSpan(start, end - start).IndexOf(Crlf)) < 0)
        {
            await ReceiveMoreAsync(cancellationToken).ConfigureAwait(false);
        }

        var line = buffer.AsSpan(start, lineEnd);
        var extension = line.IndexOf((byte)';');
        if (extension >= 0)
        {
            line = line[..extension];
        }

        if (!Utf8Parser.TryParse(line.Trim((byte)' '), out long size, out var consumed, 'x') || consumed != line.Trim((byte)' ').Length || size < 0)
        {
            throw new RawHttpProtocolException($"a bad chunk size '{Encoding.ASCII.GetString(line)}'");
        }

        start += lineEnd + Crlf.Length;
        return size;
    }

    /// <summary>Consumes one line; returns its length without the CRLF.</summary>
    private async Task<int> ReadLineLengthAsync(CancellationToken cancellationToken)
    {
        int lineEnd;
        while ((lineEnd = buffer.AsSpan(start, end - start).IndexOf(Crlf)) < 0)
        {
            await ReceiveMoreAsync(cancellationToken).ConfigureAwait(false);
        }

        start += lineEnd + Crlf.Length;
        return lineEnd;
    }

    /// <summary>"HTTP/1.1 200 OK" → 200.</summary>
    internal static int ParseStatus(ReadOnlySpan<byte> head)
    {
        if (!head.StartsWith("HTTP/1."u8) || head.Length < 12 || head[8] != (byte)' '
            || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out var consumed) || consumed != 3)
        {
            throw new RawHttpProtocolException("not an HTTP/1.x status line");
        }

        return status;
    }

    /// <summary>Content-Length (-1 when absent), chunked transfer coding, and whether the server closes after this response.</summary>
    internal static (long ContentLength, bool Chunked, bool Close) ParseHeaders(ReadOnlySpan<byte> head)
    {
        long length = -1;
        bool chunked = false, close = head.StartsWith("HTTP/1.0"u8);
        var first = head.IndexOf(Crlf);
        var rest = head[(first + 2)..];
        while (!rest.IsEmpty)
        {
            var lineEnd = rest.IndexOf(Crlf);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? default : rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out length, out var consumed) || consumed != value.Length || length < 0)
                {
                    throw new RawHttpProtocolException("a bad Content-Length");
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8) || value.EndsWith("chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                if (Ascii.EqualsIgnoreCase(value, "close"u8))
                {
                    close = true;
                }
                else if (Ascii.EqualsIgnoreCase(value, "keep-alive"u8))
                {
                    close = false;
                }
            }
        }

        return (length, chunked, close);
    }
}
