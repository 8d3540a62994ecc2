namespace CommerceBrain.Silo.CommandLine;

/// <summary>Process exit codes of the <c>commercebrain</c> executable.</summary>
public static class ExitCodes
{
    /// <summary>The command finished (for <c>serve</c>: the server stopped gracefully).</summary>
    public const int Success = 0;

    /// <summary>The command failed for a reason other than configuration.</summary>
    public const int Failure = 1;

    /// <summary>Start-up refused a setting (EX_CONFIG from sysexits.h); stderr names the setting.</summary>
    public const int ConfigurationError = 78;
}
