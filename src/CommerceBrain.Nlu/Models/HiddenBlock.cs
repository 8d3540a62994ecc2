namespace CommerceBrain.Nlu.Models;

/// <summary>One diagonal block of a block-diagonal hidden layer: hidden units [HiddenStart, +Hidden) read bag dimensions [DimStart, +Dim).</summary>
public readonly record struct HiddenBlock(int DimStart, int Dim, int HiddenStart, int Hidden);
