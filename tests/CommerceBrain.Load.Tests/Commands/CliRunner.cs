using CommerceBrain.Load.Commands;

namespace CommerceBrain.Load.Tests.Commands;

/// <summary>Runs the driver's command line in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public static async Task<(int Code, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await LoadCommandLine.InvokeAsync(args, output, error, cancellationToken).WaitAsync(TimeSpan.FromMinutes(2));
        return (code, output.ToString(), error.ToString());
    }

    public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
