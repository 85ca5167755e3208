/* ForbedringsABC search: the query engine. No DOM: it runs in the browser and in Node (tests).
   It reads the index the generator writes under sok/indeks/ (see README, "Search") through a
   loader function: load(path) → Promise of the JSON a data file holds. */
(function (root, factory) {
  var analysis = typeof module === "object" && module.exports ? require("./search-analysis.js") : root.AbcSearch.analysis;
  var api = factory(analysis);
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.AbcSearch.engine = api;
})(typeof self !== "undefined" ? self : this, function (A) {
  "use strict";
  var K1 = 1.2, LEVELS = 31, TITLE_BIT = 32, PART_BIT = 64, PART_FACTOR = 0.5, TITLE_BOOST = 5;
  var PREFIX_MIN = 3, PREFIX_MAX_TERMS = 12, TYPO_WEIGHT = 0.7, RELAX_BELOW = 5;
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT_VALUE = {};
  for (var d = 0; d < 64; d++) DIGIT_VALUE[DIGITS[d]] = d;

  function vlq(text) {
    var out = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT_VALUE[text[i]];
      value |= (digit & 31) << shift;
      if (digit & 32) { shift += 5; continue; }
      out.push(value); value = 0; shift = 0;
    }
    return out;
  }

  /* Postings text → [[page, key], …] (groups "key count gap gap …"). */
  function postings(text, into) {
    var v = vlq(text), i = 0;
    while (i < v.length) {
      var key = v[i++], count = v[i++], page = -1;
      for (var k = 0; k < count; k++) { page += v[i++] + 1; into.push([page, key]); }
    }
    return into;
  }

  function gaps(text) {
    var v = vlq(text), out = new Set(), page = -1;
    for (var i = 0; i < v.length; i++) { page += v[i] + 1; out.add(page); }
    return out;
  }

  function safeName(text) {
    var s = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i], code = text.charCodeAt(i);
      s += (c >= "a" && c <= "z") || (c >= "0" && c <= "9") ? c : "_" + ("000" + code.toString(16)).slice(-4);
    }
    return s;
  }

  /* Damerau–Levenshtein (optimal string alignment) distance, giving up above max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function idf(n, df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  function tfOf(key) { return (key & LEVELS) / LEVELS * (K1 + 1) * (key & PART_BIT ? PART_FACTOR : 1); }

  function create(options) {
    var load = options.load, manifest = null, cache = new Map(), shards = new Map();

    function file(path) {
      if (!cache.has(path)) {
        var p = Promise.resolve().then(function () { return load(path); });
        p.catch(function () { cache.delete(path); });
        cache.set(path, p);
      }
      return cache.get(path);
    }

    function init() {
      if (manifest) return Promise.resolve(manifest);
      return file("manifest.js").then(function (m) {
        if (!m || m.v !== A.version) throw new Error("search index made by analyser " + (m && m.v) + ", client is " + A.version);
        manifest = m;
        manifest.synonyms = synonymIndex(m.y || []);
        return m;
      });
    }

    function shardIndex(term) {
      var s = manifest.s, lo = 0, hi = s.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (s[mid] <= term) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    function shardPath(i) { return manifest.b + "/t/" + (manifest.s[i] === "" ? "_" : safeName(manifest.s[i])) + ".js"; }

    function loadShard(i) {
      if (shards.has(i)) return Promise.resolve(shards.get(i));
      return file(shardPath(i)).then(function (rows) {
        if (shards.has(i)) return shards.get(i);
        var terms = new Map(), list = [], previous = "";
        rows.forEach(function (r) {
          var term = previous.slice(0, r[0]) + r[1];
          var display = r[4] === "" ? term : r[4][0] === "+" ? term + r[4].slice(1) : r[4];
          var entry = { term: term, df: r[2], head: r[3], display: display, tails: r[5] || [], list: null, full: !r[5] };
          terms.set(term, entry); list.push(entry); previous = term;
        });
        var shard = { terms: terms, list: list };
        shards.set(i, shard);
        return shard;
      });
    }

    function entryOf(term) {
      var shard = shards.get(shardIndex(term));
      return shard ? shard.terms.get(term) || null : null;
    }

    /* Postings of a term entry: the head, or every posting when full (tails loaded on demand). */
    function postingsOf(entry, full) {
      if (!entry.list) entry.list = postings(entry.head, []);
      if (!full || entry.full) return Promise.resolve(entry.list);
      return Promise.all(entry.tails.map(function (t) { return file(manifest.b + "/" + t); })).then(function (runs) {
        if (!entry.full) { runs.forEach(function (r) { postings(r, entry.list); }); entry.full = true; }
        return entry.list;
      });
    }

    return {
      init: init,
      search: function (query, opts) { return init().then(function () { return run(query, opts || {}); }); },
      card: function (page) { return init().then(function () { return file("d/" + manifest.d + "/" + page + ".js"); }); },
      excerpt: excerpt,
      parse: function (query, opts) { return init().then(function () { return parse(query, opts || {}); }); },
      /* True when every shard the query needs is loaded already (the UI then answers at once, else after a short pause). */
      isCached: function (query, opts) {
        return init().then(function () {
          var clauses = parse(query, opts || {});
          return neededShards(clauses, false).concat(neededShards(clauses, true)).every(function (i) { return shards.has(i); });
        });
      },
      get pageCount() { return manifest ? manifest.n : 0; }
    };

    function synonymIndex(groups) {
      var byFirst = new Map();
      groups.forEach(function (group) {
        group.forEach(function (entry) {
          var terms = entry.split(" ");
          if (!byFirst.has(terms[0])) byFirst.set(terms[0], []);
          byFirst.get(terms[0]).push({ terms: terms, group: group });
        });
      });
      return byFirst;
    }

    /* Query → clauses. A clause is one word (or a synonym phrase) of the query: any of its
       alternatives matches, an alternative being terms that must all be on the page. */
    function parse(query, opts) {
      var norm = A.normalize(query), words = [];
      A.tokenSpans(norm).forEach(function (s) {
        var w = A.analyzeToken(norm.slice(s[0], s[1]));
        if (w) { w.end = s[1]; words.push(w); }
      });
      var typing = !!opts.prefix && words.length > 0 && words[words.length - 1].end === norm.length;
      var clauses = [];
      for (var i = 0; i < words.length;) {
        var syn = synonymAt(words, i);
        if (syn) {
          clauses.push({ words: words.slice(i, i + syn.length).map(function (w) { return w.surface; }),
            alts: syn.group.map(function (e) { return { terms: e.split(" "), weight: 1 }; }), synonym: true });
          i += syn.length;
          continue;
        }
        var w = words[i], alts = [{ terms: [w.term], weight: 1 }];
        if (w.parts.length > 1) alts.push({ terms: w.parts, weight: 0.8 });
        clauses.push({ words: [w.surface], alts: alts, word: w });
        i++;
      }
      if (typing && clauses.length && !clauses[clauses.length - 1].synonym) clauses[clauses.length - 1].prefix = true;
      return clauses;
    }

    function synonymAt(words, i) {
      var best = null, candidates = manifest.synonyms.get(words[i].term) || [];
      candidates.forEach(function (c) {
        if (i + c.terms.length > words.length || (best && best.length >= c.terms.length)) return;
        for (var k = 0; k < c.terms.length; k++) if (words[i + k].term !== c.terms[k]) return;
        best = { length: c.terms.length, group: c.group };
      });
      return best;
    }

    /* Shards a query needs: those of its exact terms; and, for a word not found there, the shards
       its prefix range spans (at most three), loaded only then. */
    function neededShards(clauses, ranges) {
      var need = new Set();
      clauses.forEach(function (c) {
        c.alts.forEach(function (a) { a.terms.forEach(function (t) { need.add(shardIndex(t)); }); });
        if (!ranges || !c.word || c.word.surface.length < (c.prefix ? PREFIX_MIN : 4)) return;
        var exact = shards.get(shardIndex(c.word.term));
        if (!exact || exact.terms.has(c.word.term)) return;
        var from = shardIndex(c.word.term), to = Math.min(shardIndex(c.word.term + "\uffff"), from + 2);
        for (var s = from; s <= to; s++) need.add(s);
      });
      return Array.from(need);
    }

    function loadFor(clauses) {
      return Promise.all(neededShards(clauses, false).map(loadShard)).then(function () {
        var more = neededShards(clauses, true).filter(function (i) { return !shards.has(i); });
        return Promise.all(more.map(loadShard));
      });
    }

    function run(query, opts) {
      var clauses = parse(query, opts);
      var result = { query: query, total: 0, hits: [], partial: false, suggestion: null, highlight: [], clauses: clauses.length };
      if (!clauses.length) return Promise.resolve(result);
      return loadFor(clauses).then(function () {
        var fixes = resolve(clauses);
        if (fixes.length) result.suggestion = suggestion(query, fixes);
        result.highlight = highlightTerms(clauses);
        return score(clauses, opts).then(function (ranked) {
          return applyFilters(ranked, opts.filters || {});
        }).then(function (ranked) {
          result.total = ranked.total === undefined ? ranked.length : ranked.total;
          result.partial = ranked.length > 0 && ranked[0].matched < clauses.length;
          var offset = opts.offset || 0, limit = opts.limit || 10;
          result.hits = ranked.slice(offset, offset + limit).map(function (h) { return { page: h.page, score: h.score, matched: h.matched }; });
          return result;
        });
      });
    }

    /* Finds each alternative's index entries: exact terms; else, for the word being typed, the
       terms it begins; else terms one or two typing mistakes away ("Mente du …?"). */
    function resolve(clauses) {
      var fixes = [];
      clauses.forEach(function (c) {
        c.alts.forEach(function (a) {
          a.entries = a.terms.map(function (t) { return entryOf(t); });
        });
        var found = c.alts.some(function (a) { return a.entries.every(Boolean); });
        if (!found && c.word && (c.prefix || c.word.surface.length >= 4)) found = expandPrefix(c);
        if (!found && c.word) {
          var typo = typoCandidates(c.word);
          typo.forEach(function (e) { c.alts.push({ terms: [e.term], entries: [e], weight: TYPO_WEIGHT, typo: true }); });
          if (typo.length) { fixes.push({ from: c.word.surface, to: typo[0].display }); found = true; }
        }
      });
      return fixes;
    }

    /* Terms that begin with the word, or whose most written form does: "sikkerh" reaches sikker- (sikkerhet). */
    function expandPrefix(c) {
      var stem = c.word.term, surface = c.word.surface, found = [];
      if (surface.length < PREFIX_MIN) return false;
      shards.forEach(function (shard) {
        shard.list.forEach(function (e) { if (e.term.startsWith(stem) || e.display.startsWith(surface)) found.push(e); });
      });
      found.sort(function (a, b) { return b.df - a.df || (a.term < b.term ? -1 : 1); });
      found.slice(0, PREFIX_MAX_TERMS).forEach(function (e) {
        var gap = Math.abs(e.term.length - surface.length);
        c.alts.push({ terms: [e.term], entries: [e], weight: 0.6 + 0.4 * Math.exp(-gap * gap / 8), prefix: true });
      });
      return found.length > 0;
    }

    function typoCandidates(word) {
      var term = word.term;
      if (word.surface.length < 4 || /\d/.test(term)) return [];
      var max = word.surface.length >= 8 ? 2 : 1, best = [], bestD = max + 1;
      shards.forEach(function (shard) {
        shard.list.forEach(function (e) {
          var d = Math.min(distance(term, e.term, max), distance(word.surface, e.display, max));
          if (d < bestD) { bestD = d; best = [e]; } else if (d === bestD && d <= max) best.push(e);
        });
      });
      best.sort(function (a, b) { return b.df - a.df || (a.term < b.term ? -1 : 1); });
      return best.slice(0, 1);
    }

    function suggestion(query, fixes) {
      var norm = A.normalize(query), out = norm;
      fixes.forEach(function (f) { out = out.split(f.from).join(f.to); });
      return out === norm ? null : out;
    }

    function highlightTerms(clauses) {
      var terms = [], words = [];
      clauses.forEach(function (c) {
        c.alts.forEach(function (a) {
          if (!a.entries) return;
          a.terms.forEach(function (t, k) { if (a.entries[k]) terms.push(t); });
          a.entries.forEach(function (e) { if (e) words.push(e.display); });
        });
        c.words.forEach(function (w) { words.push(w); });
      });
      return { terms: Array.from(new Set(terms)), words: Array.from(new Set(words)) };
    }

    function needsFull(clauses, opts) {
      var lists = 0;
      clauses.forEach(function (c) { c.alts.forEach(function (a) { if (a.entries && a.entries.every(Boolean)) lists += a.entries.length; }); });
      var f = opts.filters || {};
      return lists > 1 || !!(f.kind || f.phase || f.tag) || (opts.offset || 0) + (opts.limit || 10) > 0 && !!opts.all;
    }

    function score(clauses, opts) {
      var full = needsFull(clauses, opts), n = manifest.n, jobs = [];
      clauses.forEach(function (c) {
        c.alts.forEach(function (a) {
          if (!a.entries || !a.entries.every(Boolean)) return;
          a.entries.forEach(function (e) { jobs.push(postingsOf(e, full && !a.prefix)); });
        });
      });
      return Promise.all(jobs).then(function () {
        var docs = new Map(), single = !full && clauses.length === 1;
        clauses.forEach(function (c, ci) {
          var clauseIdf = 0, best = new Map();
          c.alts.forEach(function (a) {
            if (!a.entries || !a.entries.every(Boolean)) return;
            var per = null;
            a.entries.forEach(function (e) {
              var w = idf(n, e.df), here = new Map();
              clauseIdf = Math.max(clauseIdf, w);
              e.list.forEach(function (p) {
                if (per && !per.has(p[0])) return;
                var prev = per ? per.get(p[0]) : { s: 0, t: 0, whole: true };
                var title = p[1] & TITLE_BIT ? w * (p[1] & PART_BIT ? PART_FACTOR : 1) : 0;
                here.set(p[0], { s: prev.s + w * tfOf(p[1]) * a.weight, t: Math.max(prev.t, title * a.weight),
                  whole: prev.whole && !(p[1] & PART_BIT) && !a.typo });
              });
              per = here;
            });
            per.forEach(function (v, page) {
              var b = best.get(page);
              if (!b) best.set(page, { s: v.s, t: v.t, whole: v.whole });
              else { b.s = Math.max(b.s, v.s); b.t = Math.max(b.t, v.t); b.whole = b.whole || v.whole; }
            });
          });
          best.forEach(function (v, page) {
            var d = docs.get(page);
            if (!d) docs.set(page, d = { page: page, score: 0, title: 0, matched: 0, whole: 0 });
            d.score += v.s; d.title += v.t; d.matched++;
            if (v.whole) d.whole++;
          });
          c.idf = clauseIdf;
        });
        var totalIdf = clauses.reduce(function (s, c) { return s + c.idf; }, 0) || 1;
        var ranked = [];
        docs.forEach(function (d) {
          var coverage = Math.min(1, d.title / totalIdf);
          d.score += TITLE_BOOST * d.title * coverage * coverage;
          ranked.push(d);
        });
        /* Pages with every word first; then pages where the words stand as words of their own,
           before pages that have them only inside compounds; then by score. */
        ranked.sort(function (a, b) { return b.matched - a.matched || b.whole - a.whole || b.score - a.score || a.page - b.page; });
        var all = ranked.filter(function (d) { return d.matched === clauses.length; });
        if (all.length < RELAX_BELOW && clauses.length > 1) {
          var floor = all.length === 0 ? 1 : clauses.length - 1;
          all = ranked.filter(function (d) { return d.matched >= floor; });
        }
        var resolved = single ? clauses[0].alts.filter(function (a) { return a.entries && a.entries.every(Boolean); }) : [];
        if (resolved.length === 1 && resolved[0].entries.length === 1) all.total = resolved[0].entries[0].df;
        return all;
      });
    }

    function applyFilters(ranked, filters) {
      var names = ["kind", "phase", "tag"].filter(function (f) { return filters[f]; });
      if (!names.length) return ranked;
      /* One file per filter value; a value no page has has no file, and no pages. */
      return Promise.all(names.map(function (f) {
        return file(manifest.b + "/f/" + f + "/" + safeName(filters[f]) + ".js").catch(function () { return ""; });
      })).then(function (lists) {
        var sets = lists.map(gaps);
        return ranked.filter(function (d) { return sets.every(function (s) { return s.has(d.page); }); });
      });
    }
  }

  /* The best passage of a result's text for the query, as segments [{text, mark}] (the UI wraps
     marked ones in <mark>). A word is marked when its term is a query term, or when it is a
     compound holding a query word. */
  function excerpt(text, highlight, maxWords) {
    maxWords = maxWords || 30;
    var lines = text.split("\n"), best = null;
    lines.forEach(function (line) {
      var marks = markLine(line, highlight);
      if (!best || marks.count > best.count) best = marks;
    });
    if (!best) return [];
    var tokens = best.tokens, first = tokens.findIndex(function (t) { return t.mark; });
    var start = Math.max(0, first - Math.floor(maxWords / 3));
    if (first < 0) start = 0;
    var end = Math.min(tokens.length, start + maxWords);
    var from = start === 0 ? 0 : tokens[start].start, to = end === tokens.length ? best.line.length : tokens[end].start;
    var segments = [], at = from;
    if (start > 0) segments.push({ text: "… ", mark: false });
    tokens.slice(start, end).forEach(function (t) {
      if (!t.mark) return;
      if (t.start > at) segments.push({ text: best.line.slice(at, t.start), mark: false });
      segments.push({ text: best.line.slice(t.start, t.end), mark: true });
      at = t.end;
    });
    var tail = best.line.slice(at, to).replace(/\s+$/, "");
    if (tail) segments.push({ text: tail, mark: false });
    if (end < tokens.length) segments.push({ text: " …", mark: false });
    return segments;
  }

  function markLine(line, highlight) {
    var terms = new Set(highlight.terms), words = highlight.words.filter(function (w) { return w.length >= 4; });
    var map = [], norm = "";
    for (var i = 0; i < line.length; i++) {
      var f = A.normalize(line[i]);
      for (var k = 0; k < f.length; k++) map.push(i);
      norm += f;
    }
    map.push(line.length);
    var count = 0, tokens = A.tokenSpans(norm).map(function (s) {
      var w = A.analyzeToken(norm.slice(s[0], s[1])), mark = false;
      if (w) {
        mark = terms.has(w.term) || w.parts.some(function (p) { return terms.has(p); }) ||
          words.some(function (q) { return w.surface.length > q.length && w.surface.indexOf(q) >= 0; });
      }
      if (mark) count++;
      return { start: map[s[0]], end: map[s[1] - 1] + 1, mark: mark };
    });
    return { line: line, tokens: tokens, count: count };
  }

  /* Loads data files from a built site's folder in Node (tests): reads the script and takes its JSON. */
  function nodeLoader(indexDir) {
    var fs = require("fs"), path = require("path");
    return function (rel) {
      var text = fs.readFileSync(path.join(indexDir, rel), "utf8");
      return JSON.parse(text.slice(text.indexOf("]=") + 2, text.lastIndexOf(";")));
    };
  }

  return { create: create, excerpt: excerpt, nodeLoader: nodeLoader, distance: distance };
});
