namespace CommerceBrain.Nlu.Training;

/// <summary>A data file is malformed; <see cref="LineNumber"/> (1-based) says where.</summary>
public sealed class DatasetFormatException(string path, int lineNumber, string problem)
    : Exception($"{path}: line {lineNumber}: {problem}")
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;

    /// <summary>1-based line where the problem was found.</summary>
    public int LineNumber { get; } = lineNumber;
}
