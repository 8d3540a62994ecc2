namespace CommerceBrain.Silo.Operations;

/// <summary>What a measurement feeds in the current second.</summary>
internal enum MeasuredKind
{
    SessionsOpened,
    SessionsClosed,
    Handoffs,
    TurnDuration,
    Enqueued,
    Assigned,
    WaitTime,
    SlaBreaches,
    ClaimsGranted,
    ClaimsDenied,
    ClaimsBusy,
    HttpDuration,
}
