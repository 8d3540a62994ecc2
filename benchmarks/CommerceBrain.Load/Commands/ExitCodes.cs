namespace CommerceBrain.Load.Commands;

/// <summary>The driver's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>The command did its job (a run's errors are reported, not fatal).</summary>
    public const int Success = 0;

    /// <summary>The run could not start (target unreachable, an Init failed) or verification found lost writes.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: one line on stderr says which.</summary>
    public const int BadInput = 2;
}
