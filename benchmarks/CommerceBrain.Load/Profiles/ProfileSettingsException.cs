namespace CommerceBrain.Load;

/// <summary>A profile rejected its settings; the message is the one line the user sees (exit code 2).</summary>
public sealed class ProfileSettingsException(string message) : Exception(message);
