namespace CommerceBrain.Load.Running;

/// <summary>One row of an error breakdown: a failure status and its message.</summary>
internal readonly record struct ErrorKey(string Status, string Message);
