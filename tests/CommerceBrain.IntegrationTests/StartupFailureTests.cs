using CommerceBrain.Silo.CommandLine;
using CommerceBrain.Silo.Hosting;
using CommerceBrain.Storage;

namespace CommerceBrain.IntegrationTests;

public sealed class StartupFailureTests
{
    [Fact]
    public void A_storage_setting_fault_is_one_line_with_the_configuration_exit_code()
    {
        var fault = new StorageConfigurationException("'CommerceBrain:Storage:Provider' is 'x'.\nValid values: Sqlite, PostgreSql.");

        var (line, exitCode, isConfiguration) = StartupFailure.Describe(new AggregateException(fault));

        Assert.Equal("commercebrain: 'CommerceBrain:Storage:Provider' is 'x'. Valid values: Sqlite, PostgreSql.", line);
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.True(isConfiguration);
    }

    [Fact]
    public void A_fault_wrapped_by_the_host_is_still_found()
    {
        var fault = new SiloConfigurationException("CommerceBrain:DataDirectory", "CommerceBrain:DataDirectory '/x' is not writable.");

        var (line, _, isConfiguration) = StartupFailure.Describe(new InvalidOperationException("outer", fault));

        Assert.Equal("commercebrain: CommerceBrain:DataDirectory '/x' is not writable.", line);
        Assert.True(isConfiguration);
    }

    [Fact]
    public void An_orleans_configuration_fault_is_one_line_with_the_configuration_exit_code()
    {
        var fault = new Orleans.Runtime.OrleansConfigurationException("ClusterMembershipOptions.NumVotesForDeathDeclaration (0) must be greater than 0.");

        var (line, exitCode, isConfiguration) = StartupFailure.Describe(new AggregateException(new InvalidOperationException("outer", fault)));

        Assert.StartsWith("commercebrain: Orleans refused its configuration: ClusterMembershipOptions.NumVotesForDeathDeclaration", line, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.True(isConfiguration);
    }

    [Fact]
    public void A_silo_port_in_use_names_the_setting()
    {
        var fault = new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.AddressAlreadyInUse);

        var (line, exitCode, isConfiguration) = StartupFailure.Describe(new InvalidOperationException("outer", fault));

        Assert.StartsWith("commercebrain: CommerceBrain:Cluster:SiloPort:", line, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.True(isConfiguration);
    }

    [Fact]
    public void An_invalid_operation_whose_text_looks_like_a_setting_is_not_taken_for_a_configuration_fault()
    {
        var (_, exitCode, isConfiguration) = StartupFailure.Describe(new InvalidOperationException("CommerceBrain:Cluster:SiloPort must be positive."));

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.False(isConfiguration);
    }

    [Fact]
    public void An_unexpected_exception_is_reported_as_a_failure_not_as_configuration()
    {
        var (line, exitCode, isConfiguration) = StartupFailure.Describe(new NullReferenceException("boom"));

        Assert.StartsWith("commercebrain: start-up failed: NullReferenceException: boom", line, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.False(isConfiguration);
    }
}
