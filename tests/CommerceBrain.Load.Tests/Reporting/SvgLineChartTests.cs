using System.Xml.Linq;
using CommerceBrain.Load.Reporting;

namespace CommerceBrain.Load.Tests.Reporting;

public sealed class SvgLineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_chart_is_valid_svg_with_one_line_and_one_legend_entry_per_series()
    {
        var text = SvgLineChart.Render("claims <storm> & co", "seconds", "per second",
        [
            new ChartSeries("ok/s", "#2a9d3a", [(1, 100), (2, 250), (3, 180)]),
            new ChartSeries("failed/s", "#d62728", [(1, 0), (2, 5), (3, 0)]),
        ]);

        var doc = XDocument.Parse(text);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        var lines = doc.Descendants(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(3, lines[0].Attribute("points")!.Value.Trim().Split(' ').Length);
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("claims <storm> & co", texts);
        Assert.Contains("ok/s", texts);
        Assert.Contains("failed/s", texts);
        Assert.Contains("seconds", texts);
        Assert.Contains("per second", texts);
        Assert.Contains("250", texts);   // the y axis reaches a nice tick at or above the maximum
    }

    [Fact]
    public void Points_are_placed_inside_the_plot_with_larger_values_higher_up()
    {
        var doc = XDocument.Parse(SvgLineChart.Render("t", "x", "y", [new ChartSeries("s", "blue", [(0, 0), (10, 50)])], width: 400, height: 200));
        var points = doc.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Trim().Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();

        Assert.All(points, p => Assert.InRange(p[0], 0, 400));
        Assert.All(points, p => Assert.InRange(p[1], 0, 200));
        Assert.True(points[1][0] > points[0][0]);
        Assert.True(points[1][1] < points[0][1]);
    }

    [Fact]
    public void An_empty_chart_is_still_valid_svg()
    {
        var doc = XDocument.Parse(SvgLineChart.Render("nothing ran", "s", "ms", [new ChartSeries("p99", "blue", [])]));
        Assert.Empty(doc.Descendants(Svg + "polyline"));
    }

    [Theory]
    [InlineData(7, 5, 2)]
    [InlineData(1000, 5, 200)]
    [InlineData(0.3, 5, 0.1)]
    [InlineData(0, 5, 1)]
    public void Tick_steps_are_one_two_or_five_times_a_power_of_ten(double max, int count, double expected)
    {
        Assert.Equal(expected, SvgLineChart.NiceStep(max, count), 9);
    }
}
