using System.CommandLine;
using System.Globalization;
using CommerceBrain.Load.Double11;

namespace CommerceBrain.Load.Commands;

/// <summary>
/// <c>verify --target URL --journal FILE</c>: reads every acknowledged write of a run's journal back through the silo's
/// API (<see cref="JournalVerifier"/>) and prints <c>verified N acknowledged writes: L lost</c> and the first lost ones;
/// exit 1 when any is lost or the silo cannot be reached, 2 for bad input.
/// </summary>
public sealed class VerifyCommand : ILoadCommand
{
    /// <summary>Lost writes listed after the summary line.</summary>
    public const int ListedLost = 10;

    private readonly Option<string> target = new("--target") { Description = "Base URL of the silo (loopback, or a host named with --allow-target).", Required = true, HelpName = "url" };
    private readonly Option<string> journal = new("--journal") { Description = "The journal a run wrote with --journal.", Required = true, HelpName = "file" };
    private readonly Option<string?> parallelism = new("--parallelism") { Description = "Sessions, orders and customers read at once (default 16).", HelpName = "N" };
    private readonly Option<string[]> allowTarget = new("--allow-target") { Description = "A non-loopback host the driver may call, repeatable.", HelpName = "host", Arity = ArgumentArity.ZeroOrMore };

    /// <inheritdoc />
    public Command Create()
    {
        var command = new Command("verify", "Read every acknowledged write of a run's journal back through the API; exit 1 when any is lost.")
        {
            target, journal, parallelism, allowTarget,
        };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse, cancellationToken));
        return command;
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var targetUri = TargetPolicy.Check(parse.GetValue(target), parse.GetValue(allowTarget) ?? [], out var problem);
        if (targetUri is null)
        {
            return await BadInputAsync(error, problem!);
        }

        var path = parse.GetValue(journal)!;
        if (!File.Exists(path))
        {
            return await BadInputAsync(error, $"--journal {path}: no such file");
        }

        var degree = 16;
        var degreeText = parse.GetValue(parallelism);
        if (degreeText is not null && (!int.TryParse(degreeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out degree) || degree is < 1 or > 256))
        {
            return await BadInputAsync(error, $"--parallelism {degreeText}: must be a whole number from 1 to 256");
        }

        var entries = new List<JournalEntry>();
        try
        {
            await foreach (var entry in AckJournal.ReadAsync(path, cancellationToken))
            {
                entries.Add(entry);
            }
        }
        catch (InvalidDataException ex)
        {
            return await BadInputAsync(error, LoadCommandLine.OneLine(ex.Message));
        }

        var unreachable = await TargetProbe.ProbeAsync(targetUri, TimeSpan.FromSeconds(5), cancellationToken);
        if (unreachable is not null)
        {
            await error.WriteLineAsync($"{LoadCommandLine.Prefix}cannot reach {targetUri}: {unreachable}; is the silo running?");
            return ExitCodes.Failure;
        }

        using var handler = RunCommand.CreateHandler(degree * 2);
        using var silo = new SiloClient(targetUri, handler);
        VerifyResult result;
        try
        {
            result = await new JournalVerifier(silo, degree).VerifyAsync(entries, cancellationToken);
        }
        catch (SiloCallException ex)
        {
            await error.WriteLineAsync(LoadCommandLine.Prefix + LoadCommandLine.OneLine(ex.Message));
            return ExitCodes.Failure;
        }

        await output.WriteLineAsync(result.Summary);
        foreach (var (entry, why) in result.Lost.Take(ListedLost))
        {
            await output.WriteLineAsync($"  lost: {entry}: {why}");
        }

        if (result.Lost.Count > ListedLost)
        {
            await output.WriteLineAsync($"  … and {result.Lost.Count - ListedLost} more");
        }

        return result.Lost.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<int> BadInputAsync(TextWriter error, string line)
    {
        await error.WriteLineAsync(LoadCommandLine.Prefix + line);
        return ExitCodes.BadInput;
    }
}
