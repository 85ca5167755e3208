namespace ForbedringsAbc.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}
