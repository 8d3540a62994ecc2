using System.Buffers;
using System.Globalization;

namespace CommerceBrain.Load;

/// <summary>
/// <c>http</c>: GET <c>--path</c> against the target — closed model with <c>--connections</c> copies (default 64), or open
/// model at <c>--rate</c> requests/s when given. The driver's own ceiling, compared with wrk on the same endpoint.
/// Options: warmup (default 0s), timeout (per request, default 10s), max-iterations, client (<c>raw</c>, the default: a
/// minimal keep-alive HTTP/1.1 client like wrk's, so the comparison with wrk measures the silo rather than the driver's
/// HTTP stack; <c>httpclient</c>: .NET's HttpClient, as the Double-11 profile uses).
/// </summary>
public sealed class HttpProfile : ILoadProfile
{
    /// <summary>.NET's switch for running socket completions inline on the socket engine's thread.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Copies when --connections is not given.</summary>
    public const int DefaultConnections = 64;

    // "200", "404"... cached so that the status text of a response costs no allocation.
    private static readonly string[] StatusTexts = CreateStatusTexts();

    /// <inheritdoc />
    public string Name => "http";

    /// <inheritdoc />
    public string Description => "GET --path (default /health/live): closed model with --connections copies (default 64), or open model at --rate requests/s.";

    /// <inheritdoc />
    public IReadOnlyList<ScenarioProps> Build(ProfileSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(settings.Path) || settings.Path[0] != '/')
        {
            throw new ProfileSettingsException($"--path {settings.Path}: must start with '/'");
        }

        if (settings.Connections is <= 0)
        {
            throw new ProfileSettingsException($"--connections {settings.Connections}: must be > 0");
        }

        var warmUp = ProfileOptions.Duration(settings, "warmup", TimeSpan.Zero);
        var timeout = ProfileOptions.Duration(settings, "timeout", TimeSpan.FromSeconds(10));
        if (timeout <= TimeSpan.Zero)
        {
            throw new ProfileSettingsException("--option timeout must be > 0");
        }

        var maxIterations = ProfileOptions.PositiveInteger(settings, "max-iterations", long.MaxValue);
        var uri = new Uri(settings.Target, settings.Path);
        settings.Options.TryGetValue("client", out var clientKind);
        Func<IScenarioContext, Task<Response>> get;
        switch (clientKind ?? "raw")
        {
            case "raw":
                if (uri.Scheme != Uri.UriSchemeHttp)
                {
                    throw new ProfileSettingsException($"--option client=raw speaks plain http only ({uri.Scheme}://): use --option client=httpclient");
                }

                // Socket completions run on the epoll thread instead of hopping to a pool thread (the wake-ups and context
                // switches were most of the driver's CPU per request, in the kernel). Read once, when this process's first
                // socket operation starts: set here, before the target is probed. Fine for a profile whose continuation per
                // response is a few counters; the Double-11 profile keeps the default.
                if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
                {
                    Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
                }

                var raw = new RawHttpClient(uri, timeout);
                get = context => raw.GetAsync(context.CancellationToken);
                break;
            case "httpclient":
                var client = new HttpClient(settings.Handler, disposeHandler: false) { Timeout = timeout };
                get = context => GetAsync(client, uri, context.CancellationToken);
                break;
            default:
                throw new ProfileSettingsException($"--option client={clientKind}: expected raw or httpclient");
        }

        LoadSimulation simulation;
        if (settings.Rate > 0)
        {
            // Rate per 10 s keeps one decimal of a fractional --rate.
            var per10s = (int)Math.Min(int.MaxValue, Math.Round(settings.Rate * 10));
            simulation = Simulation.Inject(Math.Max(1, per10s), TimeSpan.FromSeconds(10), settings.Duration);
        }
        else
        {
            simulation = Simulation.KeepConstant(settings.Connections ?? DefaultConnections, settings.Duration);
        }

        var scenario = Scenario.Create("http", context => Step.Run("get", context, () => get(context)))
            .WithLoadSimulations(simulation)
            .WithWarmUpDuration(warmUp);
        if (maxIterations != long.MaxValue)
        {
            scenario = scenario.WithMaxIterations(maxIterations);
        }

        return [scenario];
    }

    /// <summary>One GET: headers first, then the body read into a pooled buffer (counted, not kept).</summary>
    internal static async Task<Response> GetAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        long size = 0;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    size += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        var status = StatusText((int)response.StatusCode);
        return response.IsSuccessStatusCode
            ? Response.Ok(statusCode: status, sizeBytes: size)
            : Response.Fail(status, response.ReasonPhrase ?? "HTTP " + status, size);
    }

    /// <summary>"200", "404"... without an allocation for the usual codes.</summary>
    internal static string StatusText(int code) => code is >= 100 and < 600 ? StatusTexts[code] : code.ToString(CultureInfo.InvariantCulture);

    private static string[] CreateStatusTexts()
    {
        var texts = new string[600];
        for (var i = 100; i < texts.Length; i++)
        {
            texts[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return texts;
    }
}
