using Ort = Microsoft.ML.OnnxRuntime;

namespace CommerceBrain.Inference;

/// <summary>
/// ORT run options whose <c>Terminate</c> flag follows a cancellation token: cancelling the token terminates any run
/// using them (ORT checks the flag between graph nodes). The flag stays set, so after a cancellation every later run
/// with these options fails at once. One thread may reuse the options for run after run (the batcher's runners do, to
/// avoid a native allocation per batch); concurrent runs may share them too, as ORT only reads them.
/// </summary>
internal sealed class TerminableRun : IDisposable
{
    readonly CancellationTokenRegistration registration;

    public TerminableRun(CancellationToken token)
    {
        Token = token;
        Options = new Ort.RunOptions();
        registration = token.UnsafeRegister(static state => ((Ort.RunOptions)state!).Terminate = true, Options);
    }

    public Ort.RunOptions Options { get; }

    public CancellationToken Token { get; }

    public void Dispose()
    {
        // Waits for a callback that is setting Terminate, so the options are not freed under it.
        registration.Dispose();
        Options.Dispose();
    }
}
