// The JavaScript analyser against Snowball's vectors and the C# analyser's golden token dump.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const path = require("path");
const A = require("../../templates/assets/js/search-analysis.js");

const data = path.join(__dirname, "..", "data");

test("stemmer reproduces Snowball Norwegian 3.1 for every word of voc.txt", () => {
  const words = fs.readFileSync(path.join(data, "snowball-norwegian", "voc.txt"), "utf8").split("\n").filter(Boolean);
  const stems = fs.readFileSync(path.join(data, "snowball-norwegian", "output.txt"), "utf8").split("\n").filter(Boolean);
  assert.strictEqual(words.length, 20895);
  const wrong = words.map((w, i) => [w, stems[i], A.stem(w)]).filter(([, want, got]) => want !== got);
  assert.deepStrictEqual(wrong.slice(0, 10), []);
});

test("token dump equals the C# analyser's golden file, line by line", () => {
  const input = fs.readFileSync(path.join(data, "search", "analysis-input.txt"), "utf8").replace(/\r?\n$/, "").split(/\r?\n/);
  const golden = fs.readFileSync(path.join(data, "search", "analysis-tokens.txt"), "utf8").replace(/\n$/, "").split("\n");
  assert.strictEqual(input.length, golden.length);
  input.forEach((line, i) => {
    const dump = A.analyze(line).map(w => `${w.surface}>${w.term}` + (w.parts.length ? "|" + w.parts.join(",") : "")).join(" ");
    assert.strictEqual(dump, golden[i], `line ${i + 1}: ${line}`);
  });
});

test("normalisation keeps æøå, folds other accents, maps ä and ö", () => {
  assert.strictEqual(A.normalize("Idémyldring"), "idemyldring");
  assert.strictEqual(A.normalize("Blåbärsyltetöj"), "blåbærsyltetøj");
  assert.strictEqual(A.normalize("ÆRLIG ØKONOMI ÅPENHET"), "ærlig økonomi åpenhet");
  assert.strictEqual(A.normalize("a\u030Ar"), "år");
  assert.strictEqual(A.normalize("pc\u2019en"), "pc'en");
});

test("codes stay whole and hyphenated words give whole and parts", () => {
  const w = A.analyze("ICD-10, E11.9 og A10BA02; covid-19-vaksine");
  assert.deepStrictEqual(w.map(x => x.term), ["icd10", "e11.9", "a10ba02", "covid19vaksine"]);
  assert.deepStrictEqual(w[3].parts, ["covid", "19", "vaksin"]);
});
