namespace CommerceBrain.Silo.Hosting;

/// <summary>Runs the silo until shutdown and turns start-up failures into one line on stderr and a non-zero exit code.</summary>
public static class SiloRunner
{
    /// <summary>Builds, prepares and runs the silo; returns the process exit code.</summary>
    public static async Task<int> RunAsync(ServeSettings settings, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        WebApplication? app = null;
        try
        {
            app = SiloApplication.Build(SiloApplication.CreateBuilder(settings));
            await SiloApplication.PrepareAsync(app, cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (line, exitCode, isConfiguration) = StartupFailure.Describe(ex);
            await error.WriteLineAsync(line);
            if (!isConfiguration)
            {
                // Not the operator's doing: keep the whole exception for the bug report.
                await error.WriteLineAsync(ex.ToString());
            }

            await DisposeQuietlyAsync(app);
            return exitCode;
        }

        // SIGTERM / Ctrl+C: the host stops accepting requests, drains them and stops hosted services (the actor
        // runtime deactivates and flushes grains) before this returns.
        await app.WaitForShutdownAsync(cancellationToken);
        await app.DisposeAsync();
        return CommandLine.ExitCodes.Success;
    }

    private static async Task DisposeQuietlyAsync(WebApplication? app)
    {
        if (app is null)
        {
            return;
        }

        try
        {
            await app.DisposeAsync();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or AggregateException)
        {
            // The start-up failure above is what the operator needs; a follow-on disposal error adds nothing.
        }
    }
}
