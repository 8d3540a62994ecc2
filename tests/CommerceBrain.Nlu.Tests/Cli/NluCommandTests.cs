using System.CommandLine;
using System.Text.Json;
using CommerceBrain.Nlu.Cli;

namespace CommerceBrain.Nlu.Tests.Cli;

public sealed class NluCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nlu-cli-").FullName;

    [Fact]
    public void Train_eval_and_predict_work_end_to_end_and_eval_json_has_the_documented_fields()
    {
        var data = WriteCsv("train.csv", TinyData.Intents(withOos: true));
        var model = Path.Combine(_dir, "model");
        var (trainCode, trainOut, _) = Run("train", "--data", data, "--out", model, "--buckets", "4096", "--dim", "16",
            "--hidden", "0", "--epochs", "20", "--validation", "0.2", "--quiet");
        Assert.Equal(0, trainCode);
        Assert.Contains("trained 6 intents", trainOut);
        Assert.True(File.Exists(Path.Combine(model, "model.onnx")));

        var (evalCode, evalOut, _) = Run("eval", "--model", model, "--test", data, "--json");
        Assert.Equal(0, evalCode);
        using var json = JsonDocument.Parse(evalOut);
        var root = json.RootElement;
        foreach (var field in new[] { "accuracy", "macro_f1", "oos_precision", "oos_recall", "expected_calibration_error", "predictions_per_second", "model_bytes" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0.8, 1.0);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("oos_recall").ValueKind);

        var (predictCode, predictOut, _) = Run("predict", "--model", model, "where is my parcel, order SO2024112300123");
        Assert.Equal(0, predictCode);
        Assert.StartsWith("track_order", predictOut);
        Assert.Contains("OrderId", predictOut);
    }

    [Fact]
    public void Eval_reports_null_oos_fields_when_the_test_set_has_no_oos_examples()
    {
        var data = WriteCsv("train.csv", TinyData.Intents());
        var model = Path.Combine(_dir, "model");
        Assert.Equal(0, Run("train", "--data", data, "--out", model, "--buckets", "4096", "--dim", "8", "--hidden", "0", "--epochs", "5", "--quiet").Code);
        var (code, output, _) = Run("eval", "--model", model, "--test", data, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("oos_recall").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("oos_precision").ValueKind);
    }

    [Fact]
    public void Malformed_training_csv_fails_with_the_line_number()
    {
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "text,label\nfine,a\nstill fine,b\nbroken \"quote\" here,c\n");
        var (code, _, error) = Run("train", "--data", bad, "--out", Path.Combine(_dir, "m"));
        Assert.Equal(1, code);
        Assert.Contains("line 4", error);
    }

    [Fact]
    public void An_unknown_model_directory_fails_cleanly()
    {
        var (code, _, error) = Run("predict", "--model", Path.Combine(_dir, "missing"), "hello");
        Assert.Equal(1, code);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Float_embedding_and_keep_untouched_flags_store_the_dense_table()
    {
        var data = WriteCsv("train.csv", TinyData.Intents(withOos: true));
        string[] common = ["--data", data, "--buckets", "4096", "--dim", "16", "--hidden", "0", "--epochs", "5", "--quiet"];
        var int8 = Path.Combine(_dir, "int8");
        var dense = Path.Combine(_dir, "dense");
        Assert.Equal(0, Run(["train", "--out", int8, .. common]).Code);
        Assert.Equal(0, Run(["train", "--out", dense, "--float-embedding", "--keep-untouched", .. common]).Code);

        Assert.NotNull(CommerceBrain.Nlu.Models.ModelDirectory.LoadIntentModel(int8).Network.Quantized);
        Assert.Null(CommerceBrain.Nlu.Models.ModelDirectory.LoadIntentModel(dense).Network.Quantized);
        Assert.True(new FileInfo(Path.Combine(dense, "model.onnx")).Length > 4096 * 32 * 4);
        Assert.True(new FileInfo(Path.Combine(int8, "model.onnx")).Length < 4096 * 32 * 4 / 2);
    }

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = NluCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string WriteCsv(string name, IEnumerable<CommerceBrain.Nlu.Training.LabeledText> rows)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, ["text,label", .. rows.Select(r => $"\"{r.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{r.Label}")]);
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
