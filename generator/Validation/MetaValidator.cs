using ForbedringsAbc.Diagnostics;
using ForbedringsAbc.Model;

namespace ForbedringsAbc.Validation;

/// <summary>
/// The editorial rules on a page's front matter that depend on the day the check runs and on
/// the site's settings: dates in the future (ABC409), professional review due (ABC410) or near
/// (ABC411), and a story nobody can be asked about (ABC412).
/// </summary>
public sealed class MetaValidator(DateOnly today, int reviewWarningDays, DiagnosticBag diagnostics)
{
    public void Validate(SitePage page)
    {
        var meta = page.Meta;
        if (meta.Unread) return;
        foreach (var (key, date) in new[] { ("published", meta.Published), ("updated", meta.Updated), ("reviewed", meta.Reviewed) })
        {
            if (date is { } d && d > today)
            {
                diagnostics.Report(Rules.FutureDate, meta.SpanOf(key),
                    $"`{key}` ({d:yyyy-MM-dd}) er en dato fram i tid. Er datoen riktig? Dagens dato er {today:yyyy-MM-dd}.");
            }
        }
        CheckReview(meta);
        if (page.Page.KindMeta is StoryMeta { Contact: null })
        {
            diagnostics.Report(Rules.StoryWithoutContact, new SourceSpan(page.Page.Source.DisplayPath, 1, 1),
                "Historien har ingen kontaktperson. Legg til `contact:` med navnet på en side i content/kontakt/, så lesere vet hvem de kan spørre.");
        }
    }

    private void CheckReview(CommonMeta meta)
    {
        if (meta.ReviewBy is not { } due) return;
        if (due < today)
        {
            diagnostics.Report(Rules.ReviewOverdue, meta.SpanOf("review_by"),
                $"Siden skulle vært faglig gjennomgått innen {due:yyyy-MM-dd}. Få innholdet gjennomgått{(meta.Owner is null ? "" : $" av {meta.Owner}")}, og sett ny `reviewed` og `review_by`.");
        }
        else if (due.DayNumber - today.DayNumber <= reviewWarningDays)
        {
            diagnostics.Report(Rules.ReviewSoon, meta.SpanOf("review_by"),
                $"Siden skal gjennomgås faglig innen {due:yyyy-MM-dd}, om {due.DayNumber - today.DayNumber} dager{(meta.Owner is null ? "" : $" (ansvarlig: {meta.Owner})")}.");
        }
    }
}
