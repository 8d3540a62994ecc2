namespace CommerceBrain.Load.Double11;

/// <summary>
/// <c>coupon_storm</c>: a customer claims a coupon of the run's campaign with a new Idempotency-Key. Granted (201) and
/// denied (409: the budget is smaller than the storm on purpose, so <c>denied_budget_exhausted</c> is a valid outcome)
/// are both fine; a 429 with Retry-After is an error (status <c>429</c>): the silo shed load. Grants are journalled with
/// their key, so <c>verify</c> can claim again with it and must get the same coupon.
/// </summary>
public static class CouponScenario
{
    /// <summary>Face value of the campaign's coupon (minor units: ¥5).</summary>
    public const long FaceValue = 500;

    /// <summary>The channel claims name (part of what a repeated key must match).</summary>
    public const string Channel = "load";

    /// <summary>The scenario body.</summary>
    public static async Task<Response> RunAsync(Double11Run run, IScenarioContext context)
    {
        var ct = context.CancellationToken;
        var customer = run.Customers.Pick(context.Random);
        var campaign = run.CampaignId ?? throw new InvalidOperationException("the campaign was not created");
        var claim = await Step.Run("claim", context, async () =>
        {
            var token = await run.Silo.TokenAsync(customer, "customer", ct);
            var key = run.NextId("k");
            var claim = await run.Silo.ClaimAsync(token, campaign, key, Channel, ct);
            if (claim.IsOk && claim.Ok.CouponId is { } coupon)
            {
                run.Journal.Append(new JournalEntry(JournalKinds.Grant, customer, TimeProvider.System.GetUtcNow(), CampaignId: campaign,
                    IdempotencyKey: key, Channel: Channel, CouponId: coupon));
            }

            return claim.Response;
        });
        return claim.IsError ? claim : Response.Ok(statusCode: IterationStatus(claim.StatusCode));
    }

    /// <summary>The iteration's outcome for a claim step's OK status: <c>granted</c> (201), <c>granted_again</c> (200, the key's coupon), or the denial.</summary>
    public static string IterationStatus(string claimStatus) => claimStatus switch
    {
        "201" => "granted",
        "200" => "granted_again",
        _ => claimStatus,
    };
}
