using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CommerceBrain.Coupons.Serving;

namespace CommerceBrain.Coupons.Cli;

/// <summary>
/// The <c>coupons</c> command line: <c>coupons train</c> trains the optimiser's conversion model ahead of a start (or for
/// silos started with <c>TrainOnStart</c> off). Bad input prints one clear error line and exits with code 1.
/// </summary>
public static class CouponsCommand
{
    /// <summary>Builds the <c>coupons</c> command tree.</summary>
    public static Command Create()
    {
        var coupons = new Command("coupons", "Coupon campaign tools.");
        coupons.Subcommands.Add(Train());
        return coupons;
    }

    private static Command Train()
    {
        var defaults = new ConversionModelOptions();
        var output = new Option<FileInfo>("--out")
        {
            Description = $"The ONNX file to write (metadata goes next to it as .json); the silo reads <data-dir>/models/{ConversionModelOptions.DefaultFileName}.",
            Required = true,
        };
        var customers = new Option<int>("--customers")
        {
            Description = "Simulated customers in the randomised experiment.",
            DefaultValueFactory = _ => defaults.TrainingCustomers,
        };
        var seed = new Option<int>("--seed") { Description = "Seed (same seed + size = identical model).", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("train", "Train the optimiser's conversion model on a simulated randomised experiment and export it as ONNX.")
        {
            output, customers, seed,
        };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            try
            {
                var n = parse.GetValue(customers);
                if (n < 100)
                {
                    throw new ArgumentException("--customers must be at least 100.");
                }

                var file = parse.GetValue(output)!.FullName;
                var stopwatch = Stopwatch.StartNew();
                var model = ConversionModelFiles.Train(n, parse.GetValue(seed));
                var metadata = ConversionModelFiles.Save(model, file, parse.GetValue(seed), n, DateTimeOffset.UtcNow);
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"trained conversion model {metadata.Version} on {n} simulated customers in {stopwatch.Elapsed.TotalSeconds:F1} s"));
                o.WriteLine($"written to {file} and {ConversionModelFiles.MetadataFile(file)}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine("error: " + e.Message);
                return 1;
            }
        });
        return command;
    }
}
