namespace CommerceBrain.Silo.Health;

/// <summary>The body of a passing health endpoint.</summary>
/// <param name="Status">Healthy or Degraded.</param>
/// <param name="Checks">Each check's status by name.</param>
public sealed record HealthView(string Status, IReadOnlyDictionary<string, string> Checks);
