namespace CommerceBrain.Silo.Operations.Api;

/// <summary>Where the other operator views are: the Orleans Dashboard (null when it is off) and the Prometheus scrape.</summary>
public sealed record OperationsLinks(string? Dashboard, string Metrics);
