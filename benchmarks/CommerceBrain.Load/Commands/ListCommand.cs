using System.CommandLine;

namespace CommerceBrain.Load.Commands;

/// <summary><c>list</c>: the profiles with their descriptions.</summary>
public sealed class ListCommand : ILoadCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var command = new Command("list", "List the load profiles.");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var width = 0;
            foreach (var profile in Profiles.All)
            {
                width = Math.Max(width, profile.Name.Length);
            }

            foreach (var profile in Profiles.All)
            {
                output.WriteLine($"{profile.Name.PadRight(width)}  {profile.Description}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
