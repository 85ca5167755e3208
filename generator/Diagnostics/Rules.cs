namespace ForbedringsAbc.Diagnostics;

/// <summary>
/// Every diagnostic the generator can give. Codes are stable: editors search for them, and
/// docs/diagnostics.md lists them (a test keeps the two in step).
/// ABC0xx files, ABC1xx front matter, ABC2xx cross-references and URLs, ABC3xx Markdown,
/// ABC4xx editorial quality (configurable), ABC5xx site data, ABC9xx templates.
/// </summary>
public static class Rules
{
    public static readonly Rule UnreadableFile = new("ABC001", Severity.Error, "A content file cannot be read, or is not valid UTF-8 text.");
    public static readonly Rule FileTooLarge = new("ABC002", Severity.Error, "A content file (a page, a site data file, the synonyms) is larger than 4 MB; it is refused without being read.");
    public static readonly Rule Unprocessable = new("ABC003", Severity.Error, "A file could not be processed because of a fault in the generator (the message names it); the other files are still checked.");
    public static readonly Rule MarkdownTooDeep = new("ABC004", Severity.Error, "Markdown nested deeper than 50 levels (quotes, list items, emphasis or links inside each other), at the first element too deep.");
    public static readonly Rule YamlTooComplex = new("ABC005", Severity.Error, "YAML (front matter or a data file) nested deeper than 32 levels, or larger than 100,000 values once its aliases are filled in.");
    public static readonly Rule NoFrontMatter = new("ABC100", Severity.Error, "A Markdown file does not start with a front-matter block (---).");
    public static readonly Rule UnclosedFrontMatter = new("ABC101", Severity.Error, "The front-matter block has no closing --- line.");
    public static readonly Rule YamlSyntax = new("ABC102", Severity.Error, "The front matter is not valid YAML (reported at the YAML parser's position).");
    public static readonly Rule FrontMatterNotMapping = new("ABC103", Severity.Error, "The front matter is not a list of keys and values.");
    public static readonly Rule MissingKey = new("ABC104", Severity.Error, "A required key is missing or empty.");
    public static readonly Rule WrongType = new("ABC105", Severity.Error, "A key has a value of the wrong type (text, list, date, yes/no, mapping).");
    public static readonly Rule UnknownKey = new("ABC106", Severity.Error, "An unknown key; the message names the nearest known key.");
    public static readonly Rule BadDate = new("ABC107", Severity.Error, "A date is not a real date written YYYY-MM-DD.");
    public static readonly Rule UpdatedBeforePublished = new("ABC108", Severity.Error, "'updated' is earlier than 'published'.");
    public static readonly Rule UnknownPhase = new("ABC109", Severity.Error, "A method's phase is not one of the phases in the site data.");
    public static readonly Rule KindMismatch = new("ABC110", Severity.Error, "'type' disagrees with the folder the file is in.");
    public static readonly Rule BadSlug = new("ABC111", Severity.Error, "A slug, alias or tag is not a valid URL path (a tag: no letter or digit, or longer than 60 characters; a slug or alias: a name longer than 120 bytes), or a file or folder name has a backslash.");
    public static readonly Rule BadTime = new("ABC112", Severity.Error, "A chapter time is not HH:MM:SS, or chapters are not in time order.");
    public static readonly Rule BadEmail = new("ABC113", Severity.Error, "An e-mail address is not valid.");
    public static readonly Rule BadSummary = new("ABC114", Severity.Error, "The summary holds more than inline text (lists, headings, links or images).");
    public static readonly Rule VideoSource = new("ABC115", Severity.Error, "A guide's video needs exactly one of 'url' and 'src'.");
    public static readonly Rule DuplicateUrl = new("ABC200", Severity.Error, "Two pages (or a page and an alias, or a file of content/ and a file the build writes) would be written to the same URL.");
    public static readonly Rule UnknownContact = new("ABC201", Severity.Error, "A story names a contact that has no page in kontakt/.");
    public static readonly Rule UnknownMethod = new("ABC202", Severity.Error, "A story names a method that has no page in metoder/.");
    public static readonly Rule LinkToDraft = new("ABC203", Severity.Error, "A published page links to, or names, a draft that is left out of the build.");
    public static readonly Rule BrokenLink = new("ABC300", Severity.Error, "A link to a content file that does not exist.");
    public static readonly Rule BrokenAnchor = new("ABC301", Severity.Error, "A link to an #anchor that is not a heading on the target page.");
    public static readonly Rule MissingImage = new("ABC302", Severity.Error, "An image file that does not exist.");
    public static readonly Rule MissingAlt = new("ABC303", Severity.Error, "An image without alt text.");
    public static readonly Rule RawHtml = new("ABC304", Severity.Error, "Raw HTML in Markdown (it is shown as text, never passed through).");
    public static readonly Rule UnsafeUrl = new("ABC305", Severity.Error, "A javascript:, vbscript: or data: URL in a link, an image or a guide's film (in any disguise: case, tabs or line breaks inside, character references), or a guide's resource URL that is no web address.");
    public static readonly Rule LinkOutsideContent = new("ABC306", Severity.Error, "A relative link or image that points outside content/ or at a file that is not published.");
    public static readonly Rule OutsideImage = new("ABC307", Severity.Error, "An image (or other embedded file) from outside the site; readers may have no internet access.");
    public static readonly Rule OutsideResource = new("ABC308", Severity.Error, "A template, stylesheet or generated page makes the browser load something from outside the site (links are fine).");
    public static readonly Rule HeadingOneInBody = new("ABC309", Severity.Error, "A level-1 heading (#) in the body; the title is the page's only level-1 heading.", Configurable: true);
    public static readonly Rule AltTextPoor = new("ABC401", Severity.Warning, "Alt text that is a file name (IMG_1234.jpg) or a filler word (bilde, foto).", Configurable: true);
    public static readonly Rule HeadingSkipped = new("ABC402", Severity.Warning, "A heading skips a level (## followed by ####).", Configurable: true);
    public static readonly Rule HeadingEmpty = new("ABC403", Severity.Warning, "An empty heading.", Configurable: true);
    public static readonly Rule HeadingDuplicate = new("ABC404", Severity.Off, "Two headings on one page with the same text; off unless the site turns it on (repeated headings such as «Eksempel» under different sections can be right).", Configurable: true);
    public static readonly Rule VagueLinkText = new("ABC405", Severity.Warning, "A vague link text (klikk her, les mer, her) that stands alone in its paragraph, list item or cell (WCAG 2.4.4).", Configurable: true);
    public static readonly Rule VagueLinkTextInSentence = new("ABC406", Severity.Off, "A vague link text inside a sentence (WCAG 2.4.9, AAA); off unless the site turns it on.", Configurable: true);
    public static readonly Rule DuplicateId = new("ABC407", Severity.Error, "An id that occurs twice on one output page (anchors and assistive technology break).", Configurable: true);
    public static readonly Rule ImageTooLarge = new("ABC408", Severity.Warning, "An image file far too large for the web (the limit is set by image_warning_kb).", Configurable: true);
    public static readonly Rule FutureDate = new("ABC409", Severity.Warning, "A published, updated or reviewed date in the future.", Configurable: true);
    public static readonly Rule ReviewOverdue = new("ABC410", Severity.Error, "review_by has passed: the page is due for professional review.", Configurable: true);
    public static readonly Rule ReviewSoon = new("ABC411", Severity.Warning, "review_by falls within the next review_warning_days days (30 by default).", Configurable: true);
    public static readonly Rule StoryWithoutContact = new("ABC412", Severity.Warning, "A story without a contact: readers cannot ask anyone about it.", Configurable: true);
    public static readonly Rule SiteData = new("ABC500", Severity.Error, "A site data file in content/_data/ is missing or invalid.");
    public static readonly Rule Synonyms = new("ABC501", Severity.Error, "The search synonym file content/_data/synonymer.yaml is invalid (a group that is not a list, a word in two groups, a word search cannot use).");
    public static readonly Rule TemplateError = new("ABC900", Severity.Error, "A template has a syntax error, or failed while rendering a page (names both).");
    public static readonly Rule TemplateMissing = new("ABC901", Severity.Error, "A template the build needs is missing.");

    public static IReadOnlyList<Rule> All { get; } =
    [
        UnreadableFile, FileTooLarge, Unprocessable, MarkdownTooDeep, YamlTooComplex, NoFrontMatter, UnclosedFrontMatter, YamlSyntax,
        FrontMatterNotMapping, MissingKey, WrongType, UnknownKey, BadDate, UpdatedBeforePublished,
        UnknownPhase, KindMismatch, BadSlug, BadTime, BadEmail, BadSummary, VideoSource,
        DuplicateUrl, UnknownContact, UnknownMethod, LinkToDraft, BrokenLink, BrokenAnchor,
        MissingImage, MissingAlt, RawHtml, UnsafeUrl, LinkOutsideContent, OutsideImage, OutsideResource, HeadingOneInBody, AltTextPoor, HeadingSkipped, HeadingEmpty,
        HeadingDuplicate, VagueLinkText, VagueLinkTextInSentence, DuplicateId, ImageTooLarge, FutureDate, ReviewOverdue,
        ReviewSoon, StoryWithoutContact, SiteData, Synonyms,
        TemplateError, TemplateMissing,
    ];
}
