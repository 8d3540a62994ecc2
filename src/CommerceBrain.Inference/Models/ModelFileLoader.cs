using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommerceBrain.Inference.Models;

/// <summary>Publishes the models listed in <see cref="InferenceOptions.Models"/> when the host starts.</summary>
internal sealed partial class ModelFileLoader(ModelRegistry registry, IOptions<InferenceOptions> options, ILogger<ModelFileLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, path) in options.Value.Models)
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var version = VersionOf(bytes);
            registry.Publish(name, version, bytes);
            LogLoaded(logger, name, version, path);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A content hash, so the same file always gets the same version label.</summary>
    internal static string VersionOf(ReadOnlySpan<byte> model) =>
        "sha256-" + Convert.ToHexStringLower(SHA256.HashData(model))[..12];

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {ModelName} version {ModelVersion} from {ModelPath}")]
    static partial void LogLoaded(ILogger logger, string modelName, string modelVersion, string modelPath);
}
