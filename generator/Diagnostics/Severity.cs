namespace ForbedringsAbc.Diagnostics;

public enum Severity
{
    Error,
    Warning,

    /// <summary>A rule turned off in the site's configuration: nothing is reported.</summary>
    Off,
}
