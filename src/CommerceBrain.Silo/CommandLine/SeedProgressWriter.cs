using System.Globalization;
using CommerceBrain.Commerce.Seeding;

namespace CommerceBrain.Silo.CommandLine;

/// <summary>Writes one line per seeding step and every 5 % (a bar that works in logs as well as terminals).</summary>
internal sealed class SeedProgressWriter(TextWriter output) : IProgress<SeedProgress>
{
    private const int BarWidth = 30;
    private string? _step;
    private int _lastPercent = -1;

    public void Report(SeedProgress value)
    {
        if (value.Step == _step && value.Percent < _lastPercent + 5 && value.Done != value.Total)
        {
            return;
        }

        _step = value.Step;
        _lastPercent = value.Percent;
        var filled = value.Percent * BarWidth / 100;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {value.Percent,3}%  {value.Step} ({value.Done:N0}/{value.Total:N0})"));
    }
}
