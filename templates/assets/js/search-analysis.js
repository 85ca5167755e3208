/* ForbedringsABC search: text analysis, the twin of generator/Search/Analysis (C#).
   Normalise (NFC, lower case, æøå kept, ä→æ, ö→ø, other accents folded), tokenise, drop stop
   words, stem with Snowball Norwegian 3.1. Both sides must give the same terms: tests compare
   them on Snowball's vocabulary and on a golden token dump. Plain script; also a Node module. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else (root.AbcSearch = root.AbcSearch || {}).analysis = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var VERSION = "nb-snowball-3.1/1";
  var WORD = /[\p{L}\p{Nd}]/u, LETTER = /\p{L}/u, DIGIT = /\p{Nd}/u, MARK = /\p{Mn}/gu;
  var foldCache = new Map();

  function fold(c) {
    var hit = foldCache.get(c);
    if (hit !== undefined) return hit;
    var out;
    if (c === "\u2019" || c === "\u2018" || c === "\u02BC") out = "'";
    else if ("\u00AD\u200B\u200C\u200D\u2060\uFEFF".indexOf(c) >= 0) out = "";
    else {
      var code = c.charCodeAt(0), surrogate = code >= 0xD800 && code <= 0xDFFF;
      var lower = surrogate ? c : c.toLowerCase();
      if (lower === "æ" || lower === "ø" || lower === "å") out = lower;
      else if (lower === "ä") out = "æ";
      else if (lower === "ö") out = "ø";
      else if (surrogate || (lower.length === 1 && lower.charCodeAt(0) < 0x80)) out = lower;
      else out = lower.normalize("NFD").replace(MARK, "").toLowerCase();
    }
    foldCache.set(c, out);
    return out;
  }

  function normalize(text) {
    var s = text.normalize("NFC"), out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s[i], code = s.charCodeAt(i);
      out += code < 0x80 && (code < 65 || code > 90) ? c : fold(c);
    }
    return out;
  }

  function isWord(c) { return WORD.test(c); }

  function joins(before, joiner, after) {
    if (joiner === "-") return isWord(after);
    if (joiner === "'") return LETTER.test(before) && LETTER.test(after);
    if (joiner === "." || joiner === ",") return DIGIT.test(before) && DIGIT.test(after);
    return false;
  }

  /* Tokens of normalised text as [start, end) pairs. */
  function tokenSpans(text) {
    var spans = [], i = 0, n = text.length;
    while (i < n) {
      if (!isWord(text[i])) { i++; continue; }
      var start = i++;
      while (i < n) {
        if (isWord(text[i])) i++;
        else if (i + 1 < n && joins(text[i - 1], text[i], text[i + 1])) i += 2;
        else break;
      }
      spans.push([start, i]);
    }
    return spans;
  }

  function tokens(text) {
    return tokenSpans(text).map(function (s) { return text.slice(s[0], s[1]); });
  }

  var STOP = new Set(("alle at av både båe bare begge ble blei bli blir blitt da då de deg dei deim deira deires dem den denne der dere deres det dette di din disse ditt du dykk dykkar eg ein eit eitt eller elles en enn er et ett etter for fordi fra før ha hadde han hans har hennar henne hennes her hjå ho hoe honom hoss hossen hun hva hvem hver hvilke hvilken hvis hvor i ikke ikkje ingen ingi inkje inn inni ja jeg kan kom korso kun kunne kva kvar kvarhelst kven kvi man me med medan meg meget mellom men mi min mine mitt mot mykje ned no noe noen noka noko nokon nokor nokre nå når og også om opp oss over på så samme seg selv si sia sidan siden sin sine sitt sjøl skal skulle slik so som somme somt sånn til um upp ut uten var vår vart varte ved vere verte vi vil ville vore vors vort være vært å").split(" "));

  /* Snowball Norwegian 3.1 (SEARCH.md section 3), the twin of NorwegianStemmer.cs. */
  var VOWELS = "aeêioòóôuyæåø", PLAIN_S = "bcdfghjlmnoptvyz";
  var STEP1_DELETE = ["a", "e", "ede", "ande", "ende", "ane", "ene", "hetene", "en", "heten", "ar", "er", "heter",
    "as", "es", "edes", "endes", "enes", "hetenes", "ens", "hetens", "ets", "et", "het", "ast"];
  var STEP1_ALL = STEP1_DELETE.concat(["ers", "s", "erte", "ert"]);
  var ERS_DELETE = ["giv", "hav", "skap"];
  var ERS_KEEP = ["amm", "ast", "ind", "kap", "kk", "lt", "nk", "omm", "pp", "v", "øst"];
  var STEP3 = ["leg", "eleg", "ig", "eig", "lig", "elig", "els", "lov", "elov", "slov", "hetslov"];

  function isVowel(c) { return VOWELS.indexOf(c) >= 0; }

  function longest(w, list, r1) {
    var best = null;
    for (var i = 0; i < list.length; i++) {
      var s = list[i];
      if (w.length - s.length >= r1 && w.endsWith(s) && (best === null || s.length > best.length)) best = s;
    }
    return best;
  }

  function regionOne(w) {
    var a = w.indexOf("'"), r1 = w.length;
    if (a >= 0) r1 = a + 1;
    else {
      for (var i = 1; i < w.length; i++) {
        if (!isVowel(w[i]) && isVowel(w[i - 1])) { r1 = i + 1; break; }
      }
    }
    return Math.max(r1, 3);
  }

  function validS(w, i) {
    if (i < 0) return false;
    var c = w[i];
    if (PLAIN_S.indexOf(c) >= 0) return true;
    if (c === "r") return i === 0 || w[i - 1] !== "e";
    if (c === "k") return i > 0 && !isVowel(w[i - 1]);
    return false;
  }

  function mainSuffix(w, r1) {
    var s = longest(w, STEP1_ALL, r1);
    if (s === null) return w;
    if (s === "ers") {
      var before = w.slice(0, -3), keep = longest(before, ERS_KEEP, 0), del = longest(before, ERS_DELETE, 0);
      return keep !== null && (del === null || keep.length > del.length) ? w : before;
    }
    if (s === "s") return validS(w, w.length - 2) ? w.slice(0, -1) : w;
    if (s === "erte" || s === "ert") return w.slice(0, -s.length) + "er";
    return w.slice(0, -s.length);
  }

  function stem(word) {
    if (word.length < 3) return word;
    var r1 = regionOne(word), w = mainSuffix(word, r1);
    if ((w.endsWith("dt") || w.endsWith("vt")) && w.length - 2 >= r1) w = w.slice(0, -1);
    var other = longest(w, STEP3, r1);
    if (other !== null) w = w.slice(0, -other.length);
    if (w.endsWith("'")) w = w.slice(0, -1);
    return w;
  }

  function stemWord(word) { return DIGIT.test(word) ? word : stem(word); }

  /* One normalised token → {surface, term, parts} (null for a stop word); as SearchAnalyzer.AnalyzeToken. */
  function analyzeToken(token) {
    if (token.indexOf("-") < 0) return STOP.has(token) ? null : { surface: token, term: stemWord(token), parts: [] };
    var whole = token.split("-").join(""), parts = [], pieces = token.split("-");
    for (var i = 0; i < pieces.length; i++) {
      var p = pieces[i];
      if (p.length < 2 || STOP.has(p)) continue;
      var t = stemWord(p);
      if (parts.indexOf(t) < 0) parts.push(t);
    }
    var term = stemWord(whole), at = parts.indexOf(term);
    if (at >= 0) parts.splice(at, 1);
    return { surface: whole, term: term, parts: parts };
  }

  function analyze(text) {
    var norm = normalize(text), out = [];
    tokenSpans(norm).forEach(function (s) {
      var w = analyzeToken(norm.slice(s[0], s[1]));
      if (w) out.push(w);
    });
    return out;
  }

  return {
    version: VERSION, normalize: normalize, tokenSpans: tokenSpans, tokens: tokens, stem: stem,
    stemWord: stemWord, isStopWord: function (w) { return STOP.has(w); }, analyzeToken: analyzeToken, analyze: analyze
  };
});
