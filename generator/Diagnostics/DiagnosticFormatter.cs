using System.Text;

namespace ForbedringsAbc.Diagnostics;

/// <summary>How diagnostics are printed: plain text lines, or GitHub workflow annotations.</summary>
public enum DiagnosticFormat
{
    Text,
    Github,
}

public static class DiagnosticFormatter
{
    public static string Format(Diagnostic d, DiagnosticFormat format) =>
        format == DiagnosticFormat.Github ? FormatGithub(d) : d.ToString();

    /// <summary>
    /// <c>::error file=…,line=…,col=…,title=ABC104::message</c>, escaped as the
    /// workflow-command syntax requires, so the problem shows on the pull request's line.
    /// </summary>
    public static string FormatGithub(Diagnostic d)
    {
        var sb = new StringBuilder();
        sb.Append(d.IsError ? "::error " : "::warning ");
        sb.Append("file=").Append(EscapeProperty(d.Span.File));
        if (d.Span.HasPosition)
        {
            sb.Append(",line=").Append(d.Span.Line).Append(",col=").Append(d.Span.Column);
        }
        sb.Append(",title=").Append(EscapeProperty(d.Code));
        sb.Append("::").Append(EscapeData(d.Message));
        return sb.ToString();
    }

    private static string EscapeData(string s) =>
        s.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}
