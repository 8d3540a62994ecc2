using System.CommandLine;

namespace CommerceBrain.Load.Commands;

/// <summary>
/// A command of the driver. Each lives in its own file in Commands/ and registers itself by implementing this interface
/// (with a parameterless constructor): <see cref="LoadCommandLine"/> finds every implementation, so adding a command
/// touches no shared file.
/// </summary>
public interface ILoadCommand
{
    /// <summary>Builds the command with its options and action; the action returns an <see cref="ExitCodes"/> value.</summary>
    Command Create();
}
