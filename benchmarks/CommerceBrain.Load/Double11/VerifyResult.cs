namespace CommerceBrain.Load.Double11;

/// <summary>What <c>verify</c> found: how many acknowledged writes it checked and the ones it could not find (with why).</summary>
public sealed record VerifyResult(long Verified, IReadOnlyList<(JournalEntry Entry, string Why)> Lost)
{
    /// <summary>The summary line: <c>verified N acknowledged writes: L lost</c>.</summary>
    public string Summary => $"verified {Verified} acknowledged writes: {Lost.Count} lost";
}
