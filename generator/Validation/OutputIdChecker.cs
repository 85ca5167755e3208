using ForbedringsAbc.Diagnostics;

namespace ForbedringsAbc.Validation;

/// <summary>
/// Finds an id that occurs twice in one rendered page (ABC407). The generator's output escapes
/// every quote in text and attribute values, so <c> id="</c> only ever starts an id attribute.
/// </summary>
public static class OutputIdChecker
{
    public static void Check(string html, string page, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        const string marker = " id=\"";
        for (var i = html.IndexOf(marker, StringComparison.Ordinal); i >= 0; i = html.IndexOf(marker, i + 1, StringComparison.Ordinal))
        {
            var start = i + marker.Length;
            var end = html.IndexOf('"', start);
            if (end < 0) break;
            var id = html[start..end];
            if (!seen.Add(id))
            {
                diagnostics.Report(Rules.DuplicateId, SourceSpan.WholeFile(page),
                    $"id «{id}» står mer enn én gang på siden. Lenker til #{id} og hjelpemidler kan havne feil sted. Gi en av overskriftene et annet navn.");
            }
        }
    }
}
