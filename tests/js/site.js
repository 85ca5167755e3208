// Builds a site with the C# generator for the JavaScript tests (or uses one test.sh built) and
// opens its search index with the engine, as the browser would, through the Node loader.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");
const engineModule = require("../../templates/assets/js/search-engine.js");

const repo = path.resolve(__dirname, "..", "..");

function generatorDll() {
  const dll = process.env.ABC_GENERATOR_DLL || path.join(repo, "generator", "bin", "Release", "net10.0", "generator.dll");
  if (!fs.existsSync(dll)) execFileSync("dotnet", ["build", path.join(repo, "generator"), "-c", "Release", "-v", "q", "--nologo"], { stdio: "inherit" });
  return dll;
}

/* content: a folder of Markdown; returns the built site's folder (a fresh temp folder per call). */
function build(content) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "abc-js-site-"));
  const site = path.join(out, "site");
  execFileSync("dotnet", [generatorDll(), "build", "--content", content, "--templates", path.join(repo, "templates"), "-o", site], { cwd: repo, stdio: "pipe" });
  return site;
}

function open(content) {
  const site = build(content);
  const engine = engineModule.create({ load: engineModule.nodeLoader(path.join(site, "sok", "indeks")) });
  return {
    site,
    engine,
    /* The paths of the results, best first. */
    async paths(query, opts) {
      const r = await engine.search(query, opts || {});
      const cards = await Promise.all(r.hits.map(h => engine.card(h.page)));
      return { result: r, paths: cards.map(c => c.u), cards };
    },
    dispose() { fs.rmSync(path.dirname(site), { recursive: true, force: true }); }
  };
}

module.exports = { repo, open, fixture: path.join(repo, "tests", "fixtures", "search-site", "content"), realContent: path.join(repo, "content") };
