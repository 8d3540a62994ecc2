using CommerceBrain.Actors;
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
    public void An_out_of_range_actor_setting_is_recognised_by_its_type_with_the_configuration_exit_code()
    {
        var fault = new ActorsConfigurationException("CommerceBrain:Actors:CallTimeout", "00:00:00", "greater than 00:00:00");

        var (line, exitCode, isConfiguration) = StartupFailure.Describe(new AggregateException(new InvalidOperationException("outer", fault)));

        Assert.Equal("commercebrain: CommerceBrain:Actors:CallTimeout is 00:00:00; valid range: greater than 00:00:00.", line);
        Assert.Equal(ExitCodes.ConfigurationError, exitCode);
        Assert.True(isConfiguration);
    }

    [Fact]
    public void An_invalid_operation_whose_text_looks_like_a_setting_is_not_taken_for_a_configuration_fault()
    {
        var (_, exitCode, isConfiguration) = StartupFailure.Describe(new InvalidOperationException("CommerceBrain:Actors:CallTimeout must be positive."));

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
