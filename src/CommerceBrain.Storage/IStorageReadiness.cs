namespace CommerceBrain.Storage;

/// <summary>Answers whether storage is reachable and fully migrated (for readiness probes).</summary>
public interface IStorageReadiness
{
    /// <summary>Checks the database now; never throws for an unavailable database, it reports it.</summary>
    Task<StorageReadinessResult> CheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>The outcome of a readiness check.</summary>
/// <param name="IsReady">Reachable and every registered migration is applied.</param>
/// <param name="Description">What was found, without credentials.</param>
public sealed record StorageReadinessResult(bool IsReady, string Description);
