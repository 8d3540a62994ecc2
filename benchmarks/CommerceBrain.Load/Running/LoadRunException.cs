namespace CommerceBrain.Load.Running;

/// <summary>The run could not start or its setup failed (an Init threw); the message is one line for the user.</summary>
public sealed class LoadRunException(string message, Exception? inner = null) : Exception(message, inner);
