namespace CommerceBrain.Commerce.Seeding;

/// <summary>Whether this silo knows the demo data to be in place; read by the "commerce" health check.</summary>
internal sealed class CommerceSeedStatus
{
    private volatile SeedProgress? _progress;
    private volatile string? _failure;
    private volatile bool _finished;

    public bool IsFinished => _finished;

    public SeedProgress? Progress => _progress;

    public string? Failure => _failure;

    public void Report(SeedProgress progress) => _progress = progress;

    public void Finished()
    {
        _failure = null;
        _finished = true;
    }

    public void Failed(string reason) => _failure = reason;
}
