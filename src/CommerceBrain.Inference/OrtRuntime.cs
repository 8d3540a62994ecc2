using System.Text.RegularExpressions;
using Ort = Microsoft.ML.OnnxRuntime;

namespace CommerceBrain.Inference;

/// <summary>Process-wide ONNX Runtime objects and the translation of its errors into this module's exceptions.</summary>
internal static partial class OrtRuntime
{
    static readonly Lazy<Ort.OrtEnv> Env = new(() =>
    {
        var env = Ort.OrtEnv.Instance();
        // ORT's default (warning) prints optimiser notes on stderr for every session; errors still go to its log.
        env.EnvLogLevel = Ort.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
        return env;
    });

    static readonly Lazy<Ort.RunOptions> Shared = new(() => new Ort.RunOptions());

    /// <summary>The one ORT environment of the process (ORT allows one; it lives as long as the process).</summary>
    public static Ort.OrtEnv Environment => Env.Value;

    /// <summary>Options for runs that cannot be cancelled; never terminated, so concurrent runs may share them.</summary>
    public static Ort.RunOptions SharedRunOptions => Shared.Value;

    public static Ort.SessionOptions CreateOptions(OnnxSessionSettings settings)
    {
        _ = Environment;
        var options = new Ort.SessionOptions();
        try
        {
            options.IntraOpNumThreads = settings.IntraOpThreads;
            options.InterOpNumThreads = settings.InterOpThreads;
            options.ExecutionMode = Ort.ExecutionMode.ORT_SEQUENTIAL;
            options.GraphOptimizationLevel = settings.OptimizationLevel switch
            {
                GraphOptimizationLevel.DisableAll => Ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
                GraphOptimizationLevel.Basic => Ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
                GraphOptimizationLevel.Extended => Ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                GraphOptimizationLevel.All => Ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
                var other => throw new ArgumentOutOfRangeException(nameof(settings), other, "Unknown graph optimisation level."),
            };
            options.LogSeverityLevel = Ort.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", settings.AllowSpinning ? "1" : "0");
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/>, turning a failure to load the native library (the managed API's static
    /// initialiser fails with the loader's exception inside) into <see cref="OnnxRuntimeNotFoundException"/>.
    /// </summary>
    public static T Call<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (NativeLoadFailure(ex) is { } cause)
        {
            throw new OnnxRuntimeNotFoundException(
                $"The ONNX Runtime native library could not be loaded ({cause.Message}). It ships in the NuGet package " +
                $"Microsoft.ML.OnnxRuntime under runtimes/<rid>/native/ for linux-x64, linux-arm64, osx-arm64, win-x64 and " +
                $"win-arm64 and is copied into the build and publish output; this process runs on {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}. " +
                "Publish for one of those runtime identifiers (or without one) and check that the output contains the library.", ex);
        }
    }

    /// <summary>The loader's exception when <paramref name="error"/> is (or wraps) a failure to load the native library.</summary>
    internal static Exception? NativeLoadFailure(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
            if (current is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
                return current;
        return null;
    }

    /// <summary>ORT's exception as this module's, with ORT's code and message kept apart.</summary>
    public static OnnxRuntimeException Translate(Ort.OnnxRuntimeException error, string context)
    {
        // The managed API formats ORT's status as "[ErrorCode:<name>] <message>" and exposes the code nowhere else.
        var match = StatusPattern().Match(error.Message);
        if (!match.Success)
            return new OnnxRuntimeException(OrtErrorCode.Fail, error.Message, context, error);
        return new OnnxRuntimeException(CodeOf(match.Groups[1].Value), match.Groups[2].Value, context, error);
    }

    static OrtErrorCode CodeOf(string name) => name switch
    {
        // The managed enum still names codes 11 and 12 after their pre-1.16 meanings.
        "ShapeInferenceNotRegistered" => OrtErrorCode.EpFail,
        "RequirementNotRegistered" => OrtErrorCode.ModelLoadCanceled,
        _ => Enum.TryParse<OrtErrorCode>(name, ignoreCase: false, out var code) ? code : OrtErrorCode.Fail,
    };

    [GeneratedRegex(@"^\[ErrorCode:(\w+)\] (.*)$", RegexOptions.Singleline)]
    private static partial Regex StatusPattern();
}
