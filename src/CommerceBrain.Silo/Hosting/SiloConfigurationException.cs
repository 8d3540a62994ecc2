namespace CommerceBrain.Silo.Hosting;

/// <summary>
/// A setting stops start-up. The message is one line for an operator: it names the setting, what is wrong and what to do.
/// </summary>
public sealed class SiloConfigurationException(string setting, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The configuration key at fault, e.g. <c>CommerceBrain:DataDirectory</c>.</summary>
    public string Setting { get; } = setting;
}
