using CommerceBrain.Silo.CommandLine;

namespace CommerceBrain.IntegrationTests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_describes_the_serve_command_and_every_option()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommerceBrainCommandLine.InvokeAsync(["serve", "--help"], output, error);

        Assert.Equal(0, exitCode);
        var help = output.ToString();
        foreach (var option in new[] { "--urls", "--data-dir", "--storage", "--connection-string", "--log-format" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Root_help_lists_serve_as_the_default_command()
    {
        using var output = new StringWriter();

        var exitCode = await CommerceBrainCommandLine.InvokeAsync(["--help"], output, TextWriter.Null);

        Assert.Equal(0, exitCode);
        Assert.Contains("serve", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("default", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], new[] { "serve" })]
    [InlineData(new[] { "--urls", "http://127.0.0.1:1" }, new[] { "serve", "--urls", "http://127.0.0.1:1" })]
    [InlineData(new[] { "serve", "--storage", "Sqlite" }, new[] { "serve", "--storage", "Sqlite" })]
    [InlineData(new[] { "--help" }, new[] { "--help" })]
    public void Arguments_without_a_command_go_to_serve(string[] args, string[] expected)
    {
        var normalised = CommerceBrainCommandLine.WithDefaultCommand(CommerceBrainCommandLine.CreateRootCommand(), args);

        Assert.Equal(expected, normalised);
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_a_non_zero_exit_code()
    {
        using var error = new StringWriter();

        var exitCode = await CommerceBrainCommandLine.InvokeAsync(["serve", "--no-such-option"], TextWriter.Null, error);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--no-such-option", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_log_format_is_refused_before_anything_starts()
    {
        using var error = new StringWriter();

        var exitCode = await CommerceBrainCommandLine.InvokeAsync(["serve", "--log-format", "xml"], TextWriter.Null, error);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("xml", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coupons_train_writes_the_conversion_model_and_its_metadata()
    {
        using var directory = Infrastructure.TempDirectory.Create();
        var file = Path.Combine(directory.Path, "coupons-conversion.onnx");
        using var output = new StringWriter();

        var exitCode = await CommerceBrainCommandLine.InvokeAsync(["coupons", "train", "--out", file, "--customers", "3000"], output, TextWriter.Null);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(file));
        Assert.Equal(3_000, CommerceBrain.Coupons.Serving.ConversionModelFiles.Load(file).Metadata.TrainingCustomers);
        Assert.Contains("trained conversion model", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coupons_train_with_too_few_customers_fails_with_one_error_line()
    {
        using var error = new StringWriter();

        var exitCode = await CommerceBrainCommandLine.InvokeAsync(["coupons", "train", "--out", Path.Combine(Path.GetTempPath(), "never.onnx"), "--customers", "5"],
            TextWriter.Null, error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: --customers", error.ToString(), StringComparison.Ordinal);
    }
}
