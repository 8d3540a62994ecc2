namespace CommerceBrain.Diagnostics.Api;

/// <summary>A counter's name and its value; for an increment, the value stored by that increment.</summary>
public sealed record CounterValue(string Name, long Value);
