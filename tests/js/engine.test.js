// The query engine on the fixture site (tests/fixtures/search-site), built by the C# generator.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { open, fixture } = require("./site.js");
const { excerpt } = require("../../templates/assets/js/search-engine.js");

const site = open(fixture);
test.after(() => site.dispose());

const story = s => `historier/${s}/index.html`, method = s => `metoder/${s}/index.html`;

test("a part of a compound finds the compound, ranked below the page with the whole word", async () => {
  const { paths, result } = await site.paths("sikkerhet");
  assert.deepStrictEqual(paths, [story("sikkerhet-i-hverdagen"), story("pasientsikkerhetsarbeid")]);
  assert.strictEqual(result.total, 2);
  const tavle = await site.paths("tavle");
  assert.deepStrictEqual(tavle.paths, [method("tavlemote"), story("forbedringstavla")]);
  const arbeid = await site.paths("arbeid");
  assert.strictEqual(arbeid.paths[0], story("arbeidsglede"));
  assert.ok(arbeid.paths.includes(story("pasientsikkerhetsarbeid")));
});

test("synonyms from content/_data/synonymer.yaml apply at query time", async () => {
  assert.deepStrictEqual((await site.paths("PGEK")).paths, [method("pdsa")]);
  assert.deepStrictEqual((await site.paths("pukk")).paths, [method("pdsa")]);
  assert.deepStrictEqual((await site.paths("idédugnad")).paths, [method("idemyldring")]);
  const board = await site.paths("forbedringstavle");
  assert.deepStrictEqual(board.paths.slice().sort(), [story("forbedringstavla"), method("tavlemote")]);
});

test("a typo finds the word and says «Mente du …?»", async () => {
  const { paths, result } = await site.paths("forbedrnig");
  assert.strictEqual(result.suggestion, "forbedring");
  assert.strictEqual(paths[0], story("forbedring"));
  const none = await site.paths("zzzqqqx");
  assert.strictEqual(none.result.total, 0);
  assert.strictEqual(none.result.suggestion, null);
});

test("the last word is a prefix while typing, from three letters", async () => {
  assert.deepStrictEqual((await site.paths("kartl", { prefix: true })).paths, [method("kartlegging")]);
  assert.deepStrictEqual((await site.paths("sikkerh", { prefix: true })).paths[0], story("sikkerhet-i-hverdagen"));
  assert.strictEqual((await site.paths("ka", { prefix: true })).result.total, 0);
  const typed = await site.paths("ideer tavl", { prefix: true });
  assert.ok(typed.paths.includes(method("tavlemote")) && typed.paths.includes(method("idemyldring")));
});

test("filters: kind, phase and tag, alone and together", async () => {
  const all = await site.paths("ideer");
  assert.ok(all.paths.includes(method("idemyldring")));
  assert.deepStrictEqual((await site.paths("dere", { filters: { kind: "method" } })).paths.every(p => p.startsWith("metoder/")), true);
  const forsta = await site.paths("prosessen ideer", { filters: { phase: "forstå" } });
  assert.deepStrictEqual(forsta.paths.slice().sort(), [method("idemyldring"), method("kartlegging")]);
  const tagged = await site.paths("tegner", { filters: { tag: "testing" } });
  assert.deepStrictEqual(tagged.paths, [method("kartlegging")]);
  assert.deepStrictEqual((await site.paths("tegner", { filters: { tag: "ledelse" } })).paths, []);
  assert.deepStrictEqual((await site.paths("forbedring", { filters: { kind: "story", tag: "ledelse" } })).paths[0], story("forbedring"));
});

test("ranking: a title match beats a body match; all words beat some words", async () => {
  const meeting = await site.paths("møte");
  assert.strictEqual(meeting.paths[0], story("ukjent"));
  const relaxed = await site.paths("pasientsikkerhetsarbeid tavlemøte");
  assert.strictEqual(relaxed.result.partial, true);
  assert.ok(relaxed.paths.includes(story("pasientsikkerhetsarbeid")) && relaxed.paths.includes(method("tavlemote")));
  const both = await site.paths("tavla legekontoret");
  assert.strictEqual(both.result.partial, false);
  assert.strictEqual(both.paths[0], story("forbedringstavla"));
});

test("codes and hyphenated words are found whole and by their parts", async () => {
  for (const q of ["ICD-10", "icd10", "A10BA02", "E11.9", "covid-19-vaksine", "vaksine"]) {
    assert.deepStrictEqual((await site.paths(q)).paths, [story("kodeverk")], q);
  }
});

test("excerpts mark the matched words, compounds included", async () => {
  const { result, cards } = await site.paths("sikkerhet");
  const marked = excerpt(cards[0].x, result.highlight).filter(s => s.mark).map(s => s.text);
  assert.ok(marked.includes("Sikkerhet") && marked.includes("sikkerhet"), marked.join(","));
  const compound = excerpt(cards[1].x, result.highlight).filter(s => s.mark).map(s => s.text);
  assert.ok(compound.some(t => /^pasientsikkerhetsarbeid/i.test(t)), compound.join(","));
});

test("paging returns the next results and counts stay exact", async () => {
  const first = await site.engine.search("forbedring", { limit: 2 });
  const next = await site.engine.search("forbedring", { limit: 2, offset: 2 });
  assert.strictEqual(first.total, next.total);
  assert.strictEqual(first.hits.length, 2);
  assert.ok(next.hits.every(h => !first.hits.some(f => f.page === h.page)));
});
