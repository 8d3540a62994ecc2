namespace CommerceBrain.Actors;

/// <summary>
/// An actor runtime setting is out of range, so the runtime refuses to start. The message is one line for an operator:
/// it names the setting, the value found and the valid range. Derives from <see cref="InvalidOperationException"/>, which
/// invalid options threw before this type existed.
/// </summary>
public sealed class ActorsConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="setting"/> holding <paramref name="value"/>.</summary>
    public ActorsConfigurationException(string setting, string value, string validRange)
        : base($"{setting} is {value}; valid range: {validRange}.")
    {
        Setting = setting;
        Value = value;
        ValidRange = validRange;
    }

    /// <summary>The configuration key at fault, e.g. <c>CommerceBrain:Actors:CallTimeout</c>.</summary>
    public string Setting { get; }

    /// <summary>The value found, formatted invariantly (time spans as <c>c</c>, e.g. <c>00:00:00</c>).</summary>
    public string Value { get; }

    /// <summary>The accepted values, e.g. <c>greater than 00:00:00</c> or <c>1 to 2147483647</c>.</summary>
    public string ValidRange { get; }
}
