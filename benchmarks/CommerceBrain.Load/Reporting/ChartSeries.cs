namespace CommerceBrain.Load.Reporting;

/// <summary>One line of a chart.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Color">CSS colour of the line.</param>
/// <param name="Points">Points in data coordinates, in x order.</param>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);
