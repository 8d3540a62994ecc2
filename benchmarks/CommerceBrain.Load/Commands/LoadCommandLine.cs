using System.CommandLine;

namespace CommerceBrain.Load.Commands;

/// <summary>
/// The <c>commercebrain-load</c> command line: every <see cref="ILoadCommand"/> of this assembly. Parse errors and
/// anything unexpected become one line on stderr and an exit code, never a stack trace.
/// </summary>
public static class LoadCommandLine
{
    /// <summary>Prefix of every error line.</summary>
    public const string Prefix = "commercebrain-load: ";

    /// <summary>Builds the root command with every registered command, sorted by name.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("CommerceBrain load driver: NBomber-shaped scenarios, load simulations and reports against a loopback (or allowed) target.");
        var commands = new List<Command>();
        foreach (var type in typeof(LoadCommandLine).Assembly.GetTypes())
        {
            if (type.IsClass && !type.IsAbstract && typeof(ILoadCommand).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is not null)
            {
                commands.Add(((ILoadCommand)Activator.CreateInstance(type)!).Create());
            }
        }

        commands.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            var parseResult = CreateRootCommand().Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                await error.WriteLineAsync(Prefix + OneLine(parseResult.Errors[0].Message) + " (see --help)").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var invocation = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                // Program.cs owns Ctrl+C: the first one stops the run and still writes the report.
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
            };
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"{Prefix}unexpected error: {ex.GetType().Name}: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>Collapses line breaks so that a message stays one line.</summary>
    public static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
