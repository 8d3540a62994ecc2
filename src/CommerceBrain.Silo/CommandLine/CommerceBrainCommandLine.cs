using System.CommandLine;
using CommerceBrain.Coupons.Cli;
using CommerceBrain.Nlu.Cli;

namespace CommerceBrain.Silo.CommandLine;

/// <summary>
/// The <c>commercebrain</c> command line. Each command lives in its own file and is added here;
/// <c>serve</c> is the default when the first argument is not a command.
/// </summary>
public static class CommerceBrainCommandLine
{
    /// <summary>Builds the root command with every command of the executable.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "CommerceBrain: customer service for e-commerce at peak scale. " +
            "Without a command, 'serve' runs.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(NluCommand.Create());
        root.Subcommands.Add(CouponsCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the process exit code.</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = CreateRootCommand();
        var parseResult = root.Parse(WithDefaultCommand(root, args));
        var invocation = new InvocationConfiguration
        {
            // The host's console lifetime owns SIGINT/SIGTERM so that shutdown drains requests and flushes grains.
            ProcessTerminationTimeout = null,
        };
        if (output is not null)
        {
            invocation.Output = output;
        }

        if (error is not null)
        {
            invocation.Error = error;
        }

        return parseResult.InvokeAsync(invocation);
    }

    /// <summary>Inserts <c>serve</c> when the arguments name no command, so bare options go to the server.</summary>
    internal static IReadOnlyList<string> WithDefaultCommand(RootCommand root, string[] args)
    {
        if (args.Length == 0)
        {
            return [ServeCommand.Name];
        }

        var first = args[0];
        var namesACommand = root.Subcommands.Any(c => c.Name == first || c.Aliases.Contains(first));
        var asksTheRoot = first is "-h" or "-?" or "--help" or "--version" || first.StartsWith('[');
        return namesACommand || asksTheRoot ? args : [ServeCommand.Name, .. args];
    }
}
