namespace CommerceBrain.Silo.Operations;

/// <summary>The meters and instruments the operations page reads, and what each one feeds.</summary>
internal static class OperationsInstruments
{
    public const string AspNetCoreHostingMeter = "Microsoft.AspNetCore.Hosting";

    /// <summary>Instrument name → what it measures, per meter.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, MeasuredKind>> ByMeter =
        new Dictionary<string, IReadOnlyDictionary<string, MeasuredKind>>(StringComparer.Ordinal)
        {
            ["CommerceBrain.Conversations"] = new Dictionary<string, MeasuredKind>(StringComparer.Ordinal)
            {
                ["commercebrain.sessions.opened"] = MeasuredKind.SessionsOpened,
                ["commercebrain.sessions.closed"] = MeasuredKind.SessionsClosed,
                ["commercebrain.sessions.handoffs"] = MeasuredKind.Handoffs,
                ["commercebrain.sessions.turn.duration"] = MeasuredKind.TurnDuration,
            },
            ["CommerceBrain.Agents"] = new Dictionary<string, MeasuredKind>(StringComparer.Ordinal)
            {
                ["commercebrain.agents.enqueued"] = MeasuredKind.Enqueued,
                ["commercebrain.agents.assigned"] = MeasuredKind.Assigned,
                ["commercebrain.agents.wait_time"] = MeasuredKind.WaitTime,
                ["commercebrain.agents.sla_breaches"] = MeasuredKind.SlaBreaches,
            },
            ["CommerceBrain.Coupons"] = new Dictionary<string, MeasuredKind>(StringComparer.Ordinal)
            {
                ["commercebrain.coupons.grants"] = MeasuredKind.ClaimsGranted,
                ["commercebrain.coupons.denials"] = MeasuredKind.ClaimsDenied,
                ["commercebrain.coupons.busy"] = MeasuredKind.ClaimsBusy,
            },
            [AspNetCoreHostingMeter] = new Dictionary<string, MeasuredKind>(StringComparer.Ordinal)
            {
                ["http.server.request.duration"] = MeasuredKind.HttpDuration,
            },
        };
}
