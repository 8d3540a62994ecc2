namespace CommerceBrain.Storage;

/// <summary>
/// Storage cannot start because of its configuration or environment (unknown provider, missing connection string,
/// unreachable server, unwritable data directory). The message names the setting and what to do; the host prints it
/// and exits non-zero without a stack trace.
/// </summary>
public sealed class StorageConfigurationException : Exception
{
    public StorageConfigurationException(string message)
        : base(message)
    {
    }

    public StorageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
