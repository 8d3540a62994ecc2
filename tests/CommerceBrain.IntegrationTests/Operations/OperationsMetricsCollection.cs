namespace CommerceBrain.IntegrationTests.Operations;

/// <summary>
/// Tests that count the operations metrics run alone: the sampler listens to the modules' static meters, which every silo
/// in this test process shares, so sessions opened by a test class running alongside would be counted too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OperationsMetricsCollection
{
    public const string Name = "Operations metrics";
}
