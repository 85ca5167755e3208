// Relevance on the project's own content: for each query in relevance.json (written from what
// staff ask for: methods by name and by synonym, parts of compounds, inflections, typos, stories
// by topic, people), the page that must come back in the top 5.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const { open, realContent } = require("./site.js");
const cases = require("./relevance.json");

const site = open(realContent);
test.after(() => site.dispose());

test("the set has at least 30 queries", () => assert.ok(cases.length >= 30));

for (const [query, page] of cases) {
  test(`«${query}» returns ${page} in the top 5`, async () => {
    const { paths } = await site.paths(query, { limit: 5 });
    assert.ok(paths.includes(page), `top 5 for «${query}»: ${paths.join(", ")}`);
  });
}
