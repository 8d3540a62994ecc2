using System.Globalization;
using System.Security;
using System.Text;

namespace CommerceBrain.Load.Reporting;

/// <summary>
/// A small line-chart writer (no package): title, axes with "nice" ticks and labels, one polyline per series and a
/// legend. Plain SVG 1.1 with a white background and sans-serif text, so GitHub renders it readably in light and dark mode.
/// </summary>
internal static class SvgLineChart
{
    private const double Left = 72;
    private const double Right = 24;
    private const double Top = 48;
    private const double Bottom = 52;

    /// <summary>The SVG document of the chart.</summary>
    public static string Render(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, int width = 860, int height = 360)
    {
        double maxX = 1, maxY = 0;
        foreach (var s in series)
        {
            foreach (var (x, y) in s.Points)
            {
                maxX = Math.Max(maxX, x);
                maxY = Math.Max(maxY, y);
            }
        }

        var xStep = NiceStep(maxX, 8);
        var yStep = NiceStep(maxY <= 0 ? 1 : maxY, 5);
        var xMax = Math.Ceiling(maxX / xStep) * xStep;
        var yMax = Math.Max(yStep, Math.Ceiling(maxY / yStep) * yStep);
        var plotW = width - Left - Right;
        var plotH = height - Top - Bottom;
        double Px(double x) => Left + (x / xMax * plotW);
        double Py(double y) => Top + plotH - (y / yMax * plotH);

        var svg = new StringBuilder(16 * 1024);
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"));
        svg.Append(Inv($"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n"));
        svg.Append(Inv($"<text x=\"{Left}\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">{Escape(title)}</text>\n"));

        // Grid and tick labels.
        for (var y = 0.0; y <= yMax + (yStep / 2); y += yStep)
        {
            svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{Py(y):0.#}\" x2=\"{width - Right}\" y2=\"{Py(y):0.#}\" stroke=\"#e4e4e4\"/>\n"));
            svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{Py(y) + 4:0.#}\" text-anchor=\"end\" fill=\"#444\">{Tick(y)}</text>\n"));
        }

        for (var x = 0.0; x <= xMax + (xStep / 2); x += xStep)
        {
            svg.Append(Inv($"<line x1=\"{Px(x):0.#}\" y1=\"{Top + plotH}\" x2=\"{Px(x):0.#}\" y2=\"{Top + plotH + 5}\" stroke=\"#444\"/>\n"));
            svg.Append(Inv($"<text x=\"{Px(x):0.#}\" y=\"{Top + plotH + 19}\" text-anchor=\"middle\" fill=\"#444\">{Tick(x)}</text>\n"));
        }

        // Axes and their labels.
        svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotH}\" stroke=\"#444\"/>\n"));
        svg.Append(Inv($"<line x1=\"{Left}\" y1=\"{Top + plotH}\" x2=\"{width - Right}\" y2=\"{Top + plotH}\" stroke=\"#444\"/>\n"));
        svg.Append(Inv($"<text x=\"{Left + (plotW / 2):0.#}\" y=\"{height - 10}\" text-anchor=\"middle\" fill=\"#222\">{Escape(xLabel)}</text>\n"));
        svg.Append(Inv($"<text x=\"16\" y=\"{Top + (plotH / 2):0.#}\" text-anchor=\"middle\" fill=\"#222\" transform=\"rotate(-90 16 {Top + (plotH / 2):0.#})\">{Escape(yLabel)}</text>\n"));

        // Lines.
        foreach (var s in series)
        {
            if (s.Points.Count == 0)
            {
                continue;
            }

            svg.Append(Inv($"<polyline fill=\"none\" stroke=\"{Escape(s.Color)}\" stroke-width=\"1.8\" stroke-linejoin=\"round\" points=\""));
            foreach (var (x, y) in s.Points)
            {
                svg.Append(Inv($"{Px(x):0.#},{Py(y):0.#} "));
            }

            svg.Append("\"/>\n");
        }

        // Legend, top right, one entry per series.
        var legendX = width - Right - (series.Count * 130.0);
        for (var i = 0; i < series.Count; i++)
        {
            var x = legendX + (i * 130);
            svg.Append(Inv($"<line x1=\"{x:0.#}\" y1=\"34\" x2=\"{x + 22:0.#}\" y2=\"34\" stroke=\"{Escape(series[i].Color)}\" stroke-width=\"3\"/>\n"));
            svg.Append(Inv($"<text x=\"{x + 28:0.#}\" y=\"38\" fill=\"#222\">{Escape(series[i].Name)}</text>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>A 1, 2 or 5 × 10ⁿ step giving about <paramref name="count"/> ticks up to <paramref name="max"/>.</summary>
    public static double NiceStep(double max, int count)
    {
        if (!(max > 0) || !double.IsFinite(max))
        {
            return 1;
        }

        var raw = max / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        var nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static string Tick(double value) =>
        value >= 10_000 ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : value.ToString(value >= 10 || value == 0 ? "0" : "0.###", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
