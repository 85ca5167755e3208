using ForbedringsAbc.Diagnostics;

namespace ForbedringsAbc.Validation;

/// <summary>
/// Finds an id that occurs twice in one rendered page (ABC407). The generator's output escapes
/// every quote in text and attribute values, so <c> id="</c> only ever starts an id attribute.
/// </summary>
public static class OutputIdChecker
{
    public static void Check(ReadOnlySpan<char> html, string page, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        const string marker = " id=\"";
        for (var i = html.IndexOf(marker, StringComparison.Ordinal); i >= 0;)
        {
            var start = i + marker.Length;
            var end = html[start..].IndexOf('"');
            if (end < 0) break;
            var id = html.Slice(start, end);
            if (!lookup.Add(id))
            {
                diagnostics.Report(Rules.DuplicateId, SourceSpan.WholeFile(page),
                    $"id «{id}» står mer enn én gang på siden. Lenker til #{id} og hjelpemidler kan havne feil sted. Gi en av overskriftene et annet navn.");
            }
            var next = html[(i + 1)..].IndexOf(marker, StringComparison.Ordinal);
            i = next < 0 ? -1 : i + 1 + next;
        }
    }
}
