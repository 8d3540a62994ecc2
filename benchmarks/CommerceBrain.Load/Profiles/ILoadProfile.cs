namespace CommerceBrain.Load;

/// <summary>A named load profile: builds the scenarios of a run from the command line's settings.</summary>
public interface ILoadProfile
{
    /// <summary>Name on the command line ("http", "double11").</summary>
    string Name { get; }

    /// <summary>One line for <c>list</c>.</summary>
    string Description { get; }

    /// <summary>The scenarios to run; throws <see cref="ProfileSettingsException"/> (one-line message) on bad settings.</summary>
    IReadOnlyList<ScenarioProps> Build(ProfileSettings settings);
}
