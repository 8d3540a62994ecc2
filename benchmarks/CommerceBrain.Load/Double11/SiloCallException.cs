namespace CommerceBrain.Load.Double11;

/// <summary>A call the profile cannot go on without (set-up, token minting) failed; the message is one line.</summary>
public sealed class SiloCallException(string message) : Exception(message);
