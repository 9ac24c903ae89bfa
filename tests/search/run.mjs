// Search in the browser (make test): the relevance queries of queries.toml against the built site,
// typing, filters, keyboard use, the status announced to screen readers, the no-JavaScript A-Z
// list, page text that must stay text, and search.js reading words exactly as the index does.
// Usage: node tests/search/run.mjs [site dir] [config.toml]   (defaults: site/, config.toml)
// Environment: TOOLKIT (default build/toolkit), CHROMIUM (default /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve, basePath, CHROMIUM_ARGS } from '../e2e/server.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const siteDir = path.resolve(process.argv[2] || path.join(root, 'site'));
const configPath = path.resolve(process.argv[3] || path.join(root, 'config.toml'));
const toolkit = path.resolve(root, process.env.TOOLKIT || 'build/toolkit');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let failures = 0;
const fail = (msg) => { failures++; console.error(`FAIL ${msg}`); };

/** The [[query]] tables of queries.toml (q and expect strings; # comments). */
function readQueries(file) {
  const out = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*\[\[query\]\]\s*$/.test(line)) { out.push({}); continue; }
    const m = line.match(/^\s*(\w+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(#.*)?$/);
    if (m && out.length) out[out.length - 1][m[1]] = JSON.parse(`"${m[2]}"`);
  }
  return out;
}

function tsvCases(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'))
    .map((l) => { const [input, want] = l.split('\t'); return { input, want: want || '' }; });
}

/** Lines of text from every content file, and every word with common suffixes added. */
function wordSamples() {
  const lines = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (/\.(md|toml)$/.test(e.name)) lines.push(...fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()));
    }
  };
  walk(path.join(root, 'content'));
  // Every Snowball rule, exercised by suffixing the words the toolkit uses.
  const words = new Set();
  for (const l of lines) for (const w of l.toLowerCase().match(/[a-z]{3,}/g) || []) words.add(w);
  const suffixes = ['s', 'es', 'ed', 'ing', 'ly', 'er', 'ness', 'ful', 'fulness', 'ation', 'ational', 'ization', 'ize',
    'izer', 'ism', 'ist', 'ity', 'iveness', 'ive', 'ous', 'ously', 'able', 'ably', 'ance', 'ence', 'ement', 'ment',
    'ant', 'ent', 'al', 'ally', 'ic', 'ical', 'icate', 'alize', 'ative', 'li', 'logy', 'ogi', 'bli', 'iciti', 'y', 'ies',
    'ied', 'eed', 'eedly', 'ingly', 'edly', 'sses', 'us', 'ss', 'at', 'bl', 'iz', 'e', 'l'];
  const variants = [];
  for (const w of [...words].sort()) variants.push([w, ...suffixes.map((s) => w + s)].join(' '));
  return lines.concat(variants);
}

async function waitForResults(page, q) {
  await page.waitForFunction((want) => {
    const r = document.querySelector('#search-results, [data-search-results]');
    return r && r.getAttribute('data-search-done') === want;
  }, q, { timeout: 15000 });
}

async function resultUrls(page) {
  return page.$$eval('.search-result', (items) => items.map((i) => i.getAttribute('data-url')));
}

const base = basePath(fs.readFileSync(configPath, 'utf8'));
const searchHtml = path.join(siteDir, 'search/index.html');
if (!fs.existsSync(path.join(siteDir, 'search/manifest.json'))) {
  console.error(`FAIL no search index in ${siteDir}/search (build the site first)`);
  process.exit(1);
}
if (!/<script[^>]+src="[^"]*search\.[0-9a-f]+\.js"/.test(fs.readFileSync(searchHtml, 'utf8'))) {
  console.error(`FAIL ${searchHtml} does not load search.js (asset.search_js; see docs/search.md)`);
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
const server = await serve(siteDir, base);
const searchUrl = `${server.url}search/`;
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await ctx.newPage();
const consoleErrors = [];
page.on('pageerror', (e) => consoleErrors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });

// 1. search.js reads words as the index does: the shared table, then the content's own words
//    and suffixed forms of them, against `toolkit tokens`.
await page.goto(searchUrl);
await page.waitForFunction(() => window.toolkitSearch && window.toolkitSearch.ready);
await page.evaluate(() => window.toolkitSearch.ready);
{
  const cases = tsvCases(path.join(here, 'tokens.tsv'));
  const got = await page.evaluate((inputs) => inputs.map((t) => window.toolkitSearch.terms(t).join(' ')),
    cases.map((c) => c.input));
  cases.forEach((c, i) => { if (got[i] !== c.want) fail(`tokens.tsv: "${c.input}": search.js gives "${got[i]}", want "${c.want}"`); });
  const samples = wordSamples().map((l) => l.replace(/\r/g, ''));
  const native = execFileSync(toolkit, ['tokens'], { input: samples.join('\n') + '\n', maxBuffer: 1 << 28 })
    .toString().split('\n');
  const js = await page.evaluate((lines) => lines.map((t) => window.toolkitSearch.terms(t).join(' ')), samples);
  let differ = 0;
  samples.forEach((s, i) => {
    if (js[i] === native[i]) return;
    if (++differ <= 10) fail(`words: "${s.slice(0, 80)}"\n  index:     ${native[i]}\n  search.js: ${js[i]}`);
  });
  const count = samples.reduce((n, s) => n + s.split(/\s+/).length, 0);
  console.log(`words: ${samples.length} lines (${count} words) read alike by the index and search.js` +
    (differ ? `, ${differ} lines differ` : ''));
}

// 2. Relevance: the expected page in the top three for every query.
{
  const queries = readQueries(path.join(here, 'queries.toml'));
  if (queries.length < 25) fail(`queries.toml has ${queries.length} queries; keep at least 25`);
  let passed = 0;
  for (const { q, expect } of queries) {
    await page.goto(`${searchUrl}?q=${encodeURIComponent(q)}`);
    await waitForResults(page, q);
    const urls = await resultUrls(page);
    const want = base + (expect ? expect + '/' : '');
    const rank = urls.indexOf(want) + 1;
    if (rank >= 1 && rank <= 3) passed++;
    else fail(`query "${q}": ${want} is ${rank ? 'result ' + rank : 'not found'}; top 3: ${urls.slice(0, 3).join(', ') || 'none'}`);
    console.log(`  ${rank >= 1 && rank <= 3 ? 'ok  ' : 'MISS'} ${rank || '-'}  ${q}`);
  }
  console.log(`relevance: ${passed} of ${queries.length} queries have the expected page in the top 3`);
}

// 3. Results as you type: the last word is a prefix; the count is announced politely.
{
  await page.goto(searchUrl);
  await page.evaluate(() => window.toolkitSearch.ready);
  await page.focus('main input[name="q"]');
  await page.keyboard.type('standst', { delay: 40 });
  await waitForResults(page, 'standst');
  const urls = await resultUrls(page);
  if (urls[0] !== base + 'execution/award-and-standstill/') fail(`typing "standst": first result ${urls[0]}`);
  const status = await page.$eval('[role="status"]', (s) => ({ live: s.getAttribute('aria-live'), text: s.textContent }));
  if (status.live !== 'polite') fail(`the results status is not aria-live polite: ${status.live}`);
  await page.waitForFunction(() => /\d+ results? for/.test(document.querySelector('[role="status"]').textContent));
  const fallbackHidden = await page.$eval('.all-pages, [data-search-fallback]', (e) => e.hidden || getComputedStyle(e).display === 'none');
  if (!fallbackHidden) fail('the A-Z list is still shown while search works');
  const excerpt = await page.$eval('.search-result mark', (m) => m.textContent.toLowerCase()).catch(() => '');
  if (!excerpt.startsWith('standst')) fail(`no highlighted "standstill" in the first excerpt (${excerpt})`);
  const anchor = await page.$eval('.search-result a', (a) => a.getAttribute('href'));
  if (!/#./.test(anchor)) fail(`the first result does not link to its section: ${anchor}`);
}

// 4. Filters: stage, type and audience narrow the results; the URL keeps them.
{
  await page.goto(`${searchUrl}?q=contract`);
  await waitForResults(page, 'contract');
  const all = await resultUrls(page);
  const total = await page.$eval('[role="status"]', (s) => Number(s.textContent.match(/\d+/)[0]));
  await page.selectOption('#search-filter-stage', 'management');
  await page.waitForFunction(() => /with these filters/.test(document.querySelector('[role="status"]').textContent));
  let urls = await resultUrls(page);
  if (!urls.length || urls.some((u) => !u.startsWith(base + 'management/'))) fail(`stage filter: ${urls.join(', ')}`);
  if (!page.url().includes('stage=management')) fail(`stage filter not in the URL: ${page.url()}`);
  const optionText = await page.$eval('#search-filter-stage option[value="management"]', (o) => o.textContent);
  if (!/\(\d+\)$/.test(optionText)) fail(`filter options show no counts: ${optionText}`);
  await page.selectOption('#search-filter-type', 'template');
  await page.waitForFunction(() => !document.querySelector('#search-results[aria-busy]'));
  await page.waitForTimeout(200);
  const metas = await page.$$eval('.search-result__meta', (m) => m.map((x) => x.textContent));
  if (!metas.length || metas.some((m) => !m.startsWith('Template'))) fail(`type filter: ${metas.join(' | ')}`);
  await page.selectOption('#search-filter-stage', '');
  await page.selectOption('#search-filter-type', '');
  await page.selectOption('#search-filter-audience', 'digital');
  await page.waitForTimeout(300);
  const docs = await page.$$eval('.search-result', (i) => i.map((x) => Number(x.getAttribute('data-doc'))));
  const ok = await page.evaluate(async (ds) => {
    const f = await window.toolkitSearch.index.filters();
    const bit = window.toolkitSearch.index.m.facets.audience.findIndex((a) => a[0] === 'digital');
    return ds.every((d) => f.audience[d * f.audBytes + (bit >> 3)] & (1 << (bit & 7)));
  }, docs);
  if (!docs.length || !ok) fail('audience filter shows pages not for that audience');
  // The page with results and filters meets WCAG 2.2 AA as the other pages do (axe-core).
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const axe = await page.evaluate(async () => (await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  })).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`));
  for (const v of axe) fail(`axe on the results page: ${v}`);
  // Filters alone, with no words, list the pages they allow.
  await page.goto(`${searchUrl}?stage=design&type=template`);
  await waitForResults(page, '');
  const browse = await resultUrls(page);
  if (!browse.length || browse.some((u) => !u.startsWith(base + 'design/'))) fail(`filters without words: ${browse.join(', ')}`);
  if (!/pages? with these filters/.test(await page.$eval('[role="status"]', (s) => s.textContent))) fail('filters without words: no count');
  // Loading a filtered URL restores the filters.
  await page.goto(`${searchUrl}?q=contract&stage=management&type=template`);
  await waitForResults(page, 'contract');
  const restored = await page.$eval('#search-filter-stage', (s) => s.value);
  if (restored !== 'management') fail(`filters not restored from the URL: ${restored}`);
  console.log(`filters: "contract" ${total} results (${all.length} shown), stage/type/audience narrow them`);
}

// 5. Keyboard: reach the box, search with Enter, reach the filters and the results by Tab,
//    and "Show more results" moves focus to the first new result.
{
  await page.goto(searchUrl);
  await page.evaluate(() => window.toolkitSearch.ready);
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement && document.activeElement.closest('main') &&
      document.activeElement.name === 'q');
  }
  if (!found) fail('keyboard: Tab never reaches the search box');
  await page.keyboard.type('contract');
  await page.keyboard.press('Enter');
  await waitForResults(page, 'contract');
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => {
      const a = document.activeElement;
      return a.tagName === 'SELECT' ? 'select' : a.closest('.search-result') ? 'result' : a.tagName.toLowerCase();
    }));
    if (seen[seen.length - 1] === 'result') break;
  }
  if (seen.filter((s) => s === 'select').length !== 3 || seen[seen.length - 1] !== 'result') {
    fail(`keyboard: Tab order after the box is ${seen.join(', ')}`);
  }
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => !u.pathname.endsWith('/search/'));
  await page.goBack();
  await waitForResults(page, 'contract');
  const more = await page.$('.search-results__more:not([hidden])');
  if (!more) fail('keyboard: no "Show more results" button for "contract"');
  else {
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 10);
    const idx = await page.evaluate(() => [...document.querySelectorAll('.search-result')]
      .indexOf(document.activeElement.closest('.search-result')));
    if (idx !== 10) fail(`keyboard: after "Show more results" focus is on result ${idx + 1}, not 11`);
  }
}

for (const e of consoleErrors) fail(`search page console error (CSP?): ${e}`);
await page.close();

// 6. Without JavaScript: the A-Z list of every page.
{
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto(`${searchUrl}?q=standstill`);
  const list = await p.$$eval('.all-pages a, [data-search-fallback] a', (as) => as.map((a) => a.getAttribute('href')));
  const visible = await p.$eval('.all-pages, [data-search-fallback]', (e) => !e.hidden && e.offsetParent !== null);
  const manifest = JSON.parse(fs.readFileSync(path.join(siteDir, 'search/manifest.json'), 'utf8'));
  if (!visible || list.length < manifest.docs - 1) fail(`no-JS: the A-Z list shows ${list.length} of ${manifest.docs - 1} pages`);
  if (!list.includes(base + 'execution/award-and-standstill/')) fail('no-JS: the A-Z list lacks award-and-standstill');
  if (await p.$('.search-result')) fail('no-JS: results without JavaScript?');
  console.log(`no JavaScript: the A-Z list shows ${list.length} pages`);
  await noJs.close();
}

// 7. Page text stays text: a fixture whose titles and summaries hold markup and scripts.
{
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-search-fixture-'));
  execFileSync(toolkit, ['build', '--quiet', '--config', path.join(here, 'fixture/config.toml'), '-o', out]);
  const fixtureConfig = fs.readFileSync(path.join(here, 'fixture/config.toml'), 'utf8');
  const fx = await serve(out, basePath(fixtureConfig));
  const p = await ctx.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(`${fx.url}search/?q=tender`);
  await waitForResults(p, 'tender');
  const r = await p.evaluate(() => ({
    titles: [...document.querySelectorAll('.search-result__title')].map((t) => t.textContent),
    injected: document.querySelectorAll('.search-results img, .search-results b, .search-results i, .search-results script, .search-results em').length,
    pwned: window.__pwned,
  }));
  if (r.titles.length !== 2) fail(`fixture: ${r.titles.length} results for "tender", want 2`);
  if (!r.titles.some((t) => t.includes('<img src=x onerror="window.__pwned=1"> Tender <b>tricks</b>'))) {
    fail(`fixture: the hostile title is not shown as text: ${JSON.stringify(r.titles)}`);
  }
  if (r.injected || r.pwned !== undefined) fail(`fixture: markup got into the results (${r.injected} elements, __pwned=${r.pwned})`);
  for (const e of errors) fail(`fixture search page console error: ${e}`);
  await p.close();
  fx.close();
  fs.rmSync(out, { recursive: true, force: true });
  console.log('escaping: titles, summaries and text with markup stay text');
}

// 8. Page data comes from the packs by HTTP range requests (206), as GitHub Pages answers them; a
//    server that ignores ranges (200, the whole pack) gives the same results, each pack fetched once.
{
  const shown = async (url) => {
    const p = await ctx.newPage();
    const packs = [];
    p.on('response', (r) => {
      if (/\/search\/p\/[0-9a-f]+\.bin$/.test(new URL(r.url()).pathname)) {
        packs.push({ path: new URL(r.url()).pathname, range: r.request().headers().range || '', status: r.status() });
      }
    });
    await p.goto(`${url}search/?q=${encodeURIComponent('talk to suppliers')}`);
    await waitForResults(p, 'talk to suppliers');
    const items = await p.$$eval('.search-result', (els) => els.map((e) => e.textContent));
    await p.close();
    return { items, packs };
  };
  const withRanges = await shown(server.url);
  const noRanges = await serve(siteDir, base, { ranges: false });
  const whole = await shown(noRanges.url);
  noRanges.close();
  if (!withRanges.items.length) fail('ranges: no results for "talk to suppliers"');
  if (!withRanges.packs.length || withRanges.packs.some((r) => r.status !== 206 || !/^bytes=\d+-\d+$/.test(r.range))) {
    fail(`ranges: page data not fetched by range: ${JSON.stringify(withRanges.packs.slice(0, 3))}`);
  }
  if (JSON.stringify(whole.items) !== JSON.stringify(withRanges.items)) {
    fail(`ranges: a server without ranges shows other results:\n  ${whole.items.slice(0, 2).join('\n  ')}\n  vs\n  ${withRanges.items.slice(0, 2).join('\n  ')}`);
  }
  const paths = whole.packs.map((r) => r.path);
  if (!whole.packs.length || whole.packs.some((r) => r.status !== 200) || new Set(paths).size !== paths.length) {
    fail(`ranges: without ranges each pack should come whole, once: ${JSON.stringify(whole.packs)}`);
  }
  console.log(`page data: ${withRanges.items.length} results from ${withRanges.packs.length} range requests; ` +
    `the same from ${whole.packs.length} whole pack(s) without ranges`);
}
server.close();

await browser.close();
if (failures) {
  console.error(`search tests: ${failures} failure(s)`);
  process.exit(1);
}
console.log('search tests passed');
