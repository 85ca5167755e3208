using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.PostProcessing;
using ForbedringsAbc.Search.Indexing;

namespace ForbedringsAbc.Pipeline;

/// <summary>
/// What a finished build leaves so the preview server can rebuild one page of it alone
/// (<see cref="PagePatcher"/>): the prepared site, the pages analysed for search, the outside
/// resource check, and every diagnostic as reported (before the site's rule settings).
/// </summary>
public sealed record BuildSnapshot(
    PreparedSite Prepared,
    SearchCollector Search,
    OutsideResourceChecker Resources,
    IReadOnlyList<Diagnostic> Raw,
    int Pages,
    int Files,
    IReadOnlyList<string> Notes);
