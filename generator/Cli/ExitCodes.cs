namespace ForbedringsAbc.Cli;

/// <summary>0: success; 1: the content or templates have errors; 2: the command line is wrong.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
}
