/* ForbedringsABC search page: results as you type, filters, a polite status line. Loads the
   index's data files as <script> elements, which works over http(s) and from file:// alike and
   under a strict CSP (no fetch, eval or inline script). Texts come from the page (strings.nb.yaml). */
(function () {
  "use strict";
  var results = document.querySelector("[data-search-results]");
  if (!results || !window.AbcSearch || !AbcSearch.engine) return;
  var form = document.querySelector("[data-search-form]");
  var input = document.querySelector("[data-search-input]");
  var status = document.querySelector("[data-search-status]");
  var hint = document.querySelector("[data-search-suggestion]");
  var filters = Array.prototype.slice.call(document.querySelectorAll("[data-search-filter]"));
  var root = results.getAttribute("data-search-root") || "";
  var PAGE = 10, seq = 0, timer = 0, announceTimer = 0, shown = 0, last = null;

  function text(name, values) {
    var t = results.getAttribute("data-text-" + name) || "";
    Object.keys(values || {}).forEach(function (k) { t = t.split("{" + k + "}").join(values[k]); });
    return t;
  }

  window.ABCSOK = window.ABCSOK || {};
  var base = new URL(results.getAttribute("data-search-index"), location.href).href;
  var engine = AbcSearch.engine.create({ load: function (path) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = base + path + (path === "manifest.js" && location.protocol !== "file:" ? "?v=" + Date.now() : "");
      s.onload = function () { var data = window.ABCSOK[path]; delete window.ABCSOK[path]; s.remove(); data ? resolve(data) : reject(new Error(path)); };
      s.onerror = function () { s.remove(); reject(new Error(path)); };
      document.head.appendChild(s);
    });
  } });

  function filterValues() {
    var f = {};
    filters.forEach(function (el) { if (el.value) f[el.getAttribute("data-search-filter")] = el.value; });
    return f;
  }

  function updateUrl(push) {
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    filters.forEach(function (el) { if (el.value) params.set(el.name, el.value); });
    var url = location.pathname + (params.toString() ? "?" + params.toString() : "");
    try { history[push ? "pushState" : "replaceState"](null, "", url); } catch (e) { /* file:// in some browsers */ }
  }

  function schedule(typing) {
    clearTimeout(timer);
    var q = input.value, opts = { prefix: typing, filters: filterValues(), limit: PAGE };
    var started = performance.now();
    engine.isCached(q, opts).then(function (cached) {
      if (cached) run(q, opts, started);
      else timer = setTimeout(function () { run(q, opts, started); }, 120);
    }, function () { failed(); });
  }

  function run(q, opts, started) {
    var mine = ++seq;
    if (!q.trim()) { clear(); return; }
    engine.search(q, opts).then(function (r) {
      if (mine !== seq) return null;
      return Promise.all(r.hits.map(function (h) { return engine.card(h.page); })).then(function (cards) {
        if (mine !== seq) return;
        last = { query: q, opts: opts, result: r };
        render(r, cards, false);
        results.setAttribute("data-search-query", q);
        results.setAttribute("data-search-ms", String(Math.round(performance.now() - started)));
        announce(r, q);
      });
    }).catch(failed);
  }

  function clear() {
    results.textContent = "";
    results.removeAttribute("data-search-query");
    hint.hidden = true;
    clearTimeout(announceTimer);
    status.textContent = "";
    shown = 0;
  }

  function failed() {
    status.textContent = text("failed");
  }

  function render(r, cards, append) {
    var list = results.querySelector("ol");
    if (!append) {
      results.textContent = "";
      shown = 0;
      if (r.partial) {
        var note = document.createElement("p");
        note.className = "search-partial";
        note.textContent = text("partial");
        results.appendChild(note);
      }
      list = document.createElement("ol");
      list.className = "search-hits";
      results.appendChild(list);
      suggest(r);
    }
    var firstLink = null;
    cards.forEach(function (card) {
      var li = document.createElement("li"), h = document.createElement("h2"), a = document.createElement("a");
      a.href = root + card.u;
      a.textContent = card.t;
      h.appendChild(a);
      var kind = document.createElement("p");
      kind.className = "search-kind";
      kind.textContent = card.k;
      var ex = document.createElement("p");
      ex.className = "search-excerpt";
      AbcSearch.engine.excerpt(card.x, r.highlight).forEach(function (s) {
        if (s.mark) { var m = document.createElement("mark"); m.textContent = s.text; ex.appendChild(m); }
        else ex.appendChild(document.createTextNode(s.text));
      });
      li.appendChild(h); li.appendChild(kind); li.appendChild(ex);
      list.appendChild(li);
      if (!firstLink) firstLink = a;
    });
    shown += cards.length;
    var more = results.querySelector(".search-more");
    if (more) more.remove();
    if (shown < r.total) {
      more = document.createElement("button");
      more.type = "button";
      more.className = "search-more";
      more.textContent = text("more");
      more.addEventListener("click", showMore);
      results.appendChild(more);
    }
    return firstLink;
  }

  function showMore() {
    if (!last) return;
    var mine = seq, opts = Object.assign({}, last.opts, { offset: shown, limit: PAGE });
    engine.search(last.query, opts).then(function (r) {
      return Promise.all(r.hits.map(function (h) { return engine.card(h.page); })).then(function (cards) {
        if (mine !== seq) return;
        var first = render(r, cards, true);
        if (first) first.focus();
      });
    }).catch(failed);
  }

  function suggest(r) {
    hint.textContent = "";
    hint.hidden = !r.suggestion;
    if (!r.suggestion) return;
    var a = document.createElement("a"), params = new URLSearchParams(location.search);
    params.set("q", r.suggestion);
    a.href = "?" + params.toString();
    a.textContent = r.suggestion;
    a.addEventListener("click", function (e) {
      e.preventDefault();
      input.value = r.suggestion;
      updateUrl(true);
      schedule(false);
    });
    hint.appendChild(document.createTextNode(text("did-you-mean") + " «"));
    hint.appendChild(a);
    hint.appendChild(document.createTextNode("»?"));
  }

  /* The count goes to the polite status line once typing has paused, so screen readers are not flooded. */
  function announce(r, q) {
    clearTimeout(announceTimer);
    var message = r.total === 0 ? text("none", { q: q }) : text(r.total === 1 ? "count-one" : "count-many", { n: r.total, q: q });
    announceTimer = setTimeout(function () { status.textContent = message; }, 500);
  }

  input.addEventListener("input", function () { updateUrl(false); schedule(true); });
  filters.forEach(function (el) { el.addEventListener("change", function () { updateUrl(false); schedule(false); }); });
  form.addEventListener("submit", function (e) { e.preventDefault(); updateUrl(true); schedule(false); });
  window.addEventListener("popstate", function () { fromUrl(); });

  function fromUrl() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    filters.forEach(function (el) { el.value = params.get(el.name) || ""; });
    if (input.value) schedule(false); else clear();
  }

  fromUrl();
})();
