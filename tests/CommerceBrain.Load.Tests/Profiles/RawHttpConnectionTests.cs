using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CommerceBrain.Load.Tests.Profiles;

/// <summary>The http profile's wrk-like client against a scripted TCP server: framing, keep-alive, broken answers.</summary>
public sealed class RawHttpConnectionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly ReadOnlyMemory<byte> Get = Encoding.ASCII.GetBytes("GET /x HTTP/1.1\r\nHost: t\r\n\r\n");

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public RawHttpConnectionTests() => listener.Start();

    private int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Accepts one connection; for each request read, writes the next answer in the given pieces (a flush each).</summary>
    private Task ServeAsync(params string[][] answers) => Task.Run(async () =>
    {
        using var client = await listener.AcceptTcpClientAsync().WaitAsync(Timeout);
        client.NoDelay = true;
        var stream = client.GetStream();
        var buffer = new byte[4096];
        foreach (var pieces in answers)
        {
            var request = new StringBuilder();
            while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(Timeout);
                if (read == 0)
                {
                    return;
                }

                request.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            foreach (var piece in pieces)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(piece));
                await stream.FlushAsync();
                await Task.Delay(5);
            }
        }
    });

    private async Task<RawHttpConnection> ConnectAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await RawHttpConnection.OpenAsync("127.0.0.1", Port, timeout.Token);
    }

    private static async Task<(int Status, long BodyBytes)> SendAsync(RawHttpConnection connection)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await connection.SendAsync(Get, timeout.Token);
    }

    [Fact]
    public async Task Reads_content_length_bodies_split_over_packets_and_keeps_the_connection_for_the_next_request()
    {
        var server = ServeAsync(
            ["HTTP/1.1 200 OK\r\nContent-", "Length: 10\r\nContent-Type: text/plain\r\n\r\n01234", "56789"],
            ["HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"]);
        using var connection = await ConnectAsync();

        Assert.Equal((200, 10L), await SendAsync(connection));
        Assert.True(connection.Reusable);
        Assert.Equal((404, 0L), await SendAsync(connection));
        await server;
    }

    [Fact]
    public async Task Reads_chunked_bodies_with_extensions_and_trailers()
    {
        var server = ServeAsync(
            ["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nHello\r\n", "6\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n"],
            ["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"]);
        using var connection = await ConnectAsync();

        Assert.Equal((200, 11L), await SendAsync(connection));
        Assert.Equal((200, 2L), await SendAsync(connection));
        await server;
    }

    [Fact]
    public async Task Connection_close_makes_the_connection_not_reusable()
    {
        var server = ServeAsync(["HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 3\r\n\r\nbye"]);
        using var connection = await ConnectAsync();

        Assert.Equal((503, 3L), await SendAsync(connection));
        Assert.False(connection.Reusable);
        await server;
    }

    [Fact]
    public async Task A_server_closing_in_the_middle_of_a_body_is_an_error_and_the_connection_is_dropped()
    {
        var server = ServeAsync(["HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"]);
        using var connection = await ConnectAsync();

        await Assert.ThrowsAsync<RawHttpProtocolException>(() => SendAsync(connection));
        Assert.False(connection.Reusable);
        await server;
    }

    [Fact]
    public async Task A_request_the_server_never_answers_fails_as_a_timeout_and_the_next_one_gets_a_fresh_connection()
    {
        // First connection: reads the request and never answers. Second: answers.
        var silent = Task.Run(async () =>
        {
            using var first = await listener.AcceptTcpClientAsync().WaitAsync(Timeout);
            var buffer = new byte[1024];
            await first.GetStream().ReadAsync(buffer).AsTask().WaitAsync(Timeout);
            // Held open until the client gives up (it closes its end: the read returns 0 or fails).
            try
            {
                await first.GetStream().ReadAsync(buffer).AsTask().WaitAsync(Timeout);
            }
            catch (IOException)
            {
            }
        });
        using var client = new RawHttpClient(new Uri($"http://127.0.0.1:{Port}/x"), TimeSpan.FromMilliseconds(300));
        using var run = new CancellationTokenSource(Timeout);

        var late = await client.GetAsync(run.Token);
        await silent;
        var answering = ServeAsync(["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"]);
        var next = await client.GetAsync(run.Token);
        await answering;

        Assert.True(late.IsError);
        Assert.Equal("timeout", late.StatusCode);
        Assert.False(next.IsError, next.ToString());
        Assert.Equal("200", next.StatusCode);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 7\r\n", 7L, false, false)]
    [InlineData("HTTP/1.1 200 OK\r\ncontent-length:7\r\nconnection: Close\r\n", 7L, false, true)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n", -1L, true, false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\n", 1L, false, true)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\nConnection: keep-alive\r\n", 1L, false, false)]
    public void Headers_give_the_framing_and_whether_the_server_closes(string head, long length, bool chunked, bool close)
    {
        Assert.Equal((length, chunked, close), RawHttpConnection.ParseHeaders(Encoding.ASCII.GetBytes(head)));
        Assert.Equal(200, RawHttpConnection.ParseStatus(Encoding.ASCII.GetBytes(head)));
    }

    [Theory]
    [InlineData("SSH-2.0-OpenSSH\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n")]
    public void Something_that_is_not_a_status_line_is_refused(string head) =>
        Assert.Throws<RawHttpProtocolException>(() => RawHttpConnection.ParseStatus(Encoding.ASCII.GetBytes(head)));

    public void Dispose() => listener.Stop();
}
