namespace ForbedringsAbc.Browser.Tests.Support;

/// <summary>Scripts the tests run in the page, kept in one place.</summary>
public static class PageChecks
{
    /// <summary>How far the page is wider than the viewport (0 when it never scrolls sideways).</summary>
    public const string HorizontalOverflow = "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth";

    /// <summary>The innermost elements that reach past the right edge of the window, to name in a failure.</summary>
    public const string WiderThanWindow = """
        () => Array.from(document.querySelectorAll('body *'))
          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5))
          .slice(0, 5)
          .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' «' + (e.textContent || '').trim().slice(0, 30) + '»')
        """;

    /// <summary>
    /// Elements that cut off their own text: overflow hidden (or clip) and content larger than
    /// the box. Visually hidden text (for screen readers) is cut off on purpose and left out.
    /// </summary>
    public const string ClippedText = """
        () => Array.from(document.querySelectorAll('body *')).filter(e => {
          if (e.closest('.visually-hidden, svg, video')) return false;
          const box = e.getBoundingClientRect();
          if (box.width <= 1 || box.height <= 1) return false;
          const s = getComputedStyle(e);
          const hides = ['hidden', 'clip'];
          if (!hides.includes(s.overflowX) && !hides.includes(s.overflowY)) return false;
          if (!e.textContent.trim()) return false;
          return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
        }).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''))
        """;

    /// <summary>The WCAG 1.4.12 text spacing overrides, as the GOV.UK bookmarklet applies them.</summary>
    public const string TextSpacingStyle =
        "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

    /// <summary>The focused element, described for messages ("a.skip-link «Hopp til hovedinnhold»").</summary>
    public const string ActiveElement = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return 'body';
          const text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 60);
          return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\s+/).join('.') : '') + ' «' + text + '»';
        }
        """;
}
