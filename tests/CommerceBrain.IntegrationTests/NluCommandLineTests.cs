using System.Text.Json;
using CommerceBrain.IntegrationTests.Infrastructure;
using CommerceBrain.Silo.CommandLine;

namespace CommerceBrain.IntegrationTests;

/// <summary>The <c>nlu</c> commands of the real <c>commercebrain</c> executable.</summary>
public sealed class NluCommandLineTests
{
    [Fact]
    public async Task Root_help_lists_the_nlu_command()
    {
        using var output = new StringWriter();

        var exitCode = await CommerceBrainCommandLine.InvokeAsync(["--help"], output, TextWriter.Null);

        Assert.Equal(0, exitCode);
        Assert.Contains("nlu", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_then_eval_as_json_then_predict_run_end_to_end()
    {
        using var work = TempDirectory.Create();
        var train = SmallIntentCorpus.Write(Path.Combine(work.Path, "train.csv"));
        var test = SmallIntentCorpus.Write(Path.Combine(work.Path, "test.csv"), offset: 5);
        var model = Path.Combine(work.Path, "model");

        var (trainExit, trainOut) = await RunAsync(["nlu", "train", "--data", train, "--out", model, "--quiet"]);
        Assert.True(trainExit == 0, trainOut);
        Assert.Contains("trained 3 intents", trainOut, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(model, "model.onnx")));

        var (evalExit, evalOut) = await RunAsync(["nlu", "eval", "--model", model, "--test", test, "--json"]);
        Assert.True(evalExit == 0, evalOut);
        var report = JsonDocument.Parse(evalOut.Trim()).RootElement;
        foreach (var key in new[] { "accuracy", "macro_f1", "oos_precision", "oos_recall", "expected_calibration_error", "predictions_per_second", "model_bytes" })
        {
            Assert.True(report.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.Number, $"'{key}' missing or not a number: {evalOut}");
        }

        Assert.InRange(report.GetProperty("accuracy").GetDouble(), 0.5, 1.0);
        Assert.True(report.GetProperty("model_bytes").GetInt64() > 0);

        var (predictExit, predictOut) = await RunAsync(["nlu", "predict", "--model", model, "do you have food for my kitten"]);
        Assert.True(predictExit == 0, predictOut);
        Assert.StartsWith("pet_food", predictOut.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_csv_fails_with_its_line_number_and_no_stack_trace()
    {
        using var work = TempDirectory.Create();
        var bad = Path.Combine(work.Path, "bad.csv");
        await File.WriteAllTextAsync(bad, "text,label\nwhere is my order,track\nthis \"quote is wrong,track\n");

        await using var process = SiloProcess.Start(["nlu", "train", "--data", bad, "--out", Path.Combine(work.Path, "model")]);
        var exitCode = await process.WaitForExitAsync();

        Assert.NotEqual(0, exitCode);
        Assert.Contains("line 3", process.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(work.Path, "model")));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments)
    {
        await using var process = SiloProcess.Start(arguments);
        var exitCode = await process.WaitForExitAsync();
        return (exitCode, exitCode == 0 ? process.StandardOutput : process.Describe());
    }
}
