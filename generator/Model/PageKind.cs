namespace ForbedringsAbc.Model;

/// <summary>The kind of a page follows from the folder it is in (see CONTENT-MODEL.md).</summary>
public enum PageKind
{
    Home,
    Section,
    Article,
    Method,
    Story,
    Guide,
    Contact,
}
