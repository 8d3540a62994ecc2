using CommerceBrain.Coupons.Contracts;

namespace CommerceBrain.Coupons.Tests.Properties;

/// <summary>A claim the scenario made and what it was told; <paramref name="WhilePaused"/> when the campaign was paused throughout.</summary>
public sealed record ClaimAttempt(string Customer, string Key, ClaimResult Result, bool WhilePaused)
{
    public bool Acknowledged => Result.Outcome is ClaimOutcome.Granted or ClaimOutcome.Repeated;
}
