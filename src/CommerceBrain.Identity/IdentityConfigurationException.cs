namespace CommerceBrain.Identity;

/// <summary>
/// An identity setting (or the stored signing key) stops start-up. The message is one line for an operator: it names the
/// setting, what is wrong and what to do.
/// </summary>
public sealed class IdentityConfigurationException(string setting, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The configuration key at fault, e.g. <c>CommerceBrain:Identity:SigningKey</c>.</summary>
    public string Setting { get; } = setting;
}
