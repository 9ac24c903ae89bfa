// Search in Chromium, toolkit against Pagefind, on one built site that holds both indexes
// (site/search/ from `toolkit build`, site/pagefind/ from `pagefind --site`).
// Prints one JSON object: bytes fetched for a first query (from a cold cache, scripts included)
// and query times (median, warm and cold) for each engine.
// Usage: node bench/search-browser.mjs SITE_DIR BASE_PATH QUERY...
// The server gzips HTML, JS, JSON and CSS as GitHub Pages does; index files that are already
// compressed (toolkit's .gz, Pagefind's .pf_*) go as they are. Bytes are counted as sent.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { byteRange } from '../tests/e2e/server.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, '../tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const [siteDir, base, ...queries] = process.argv.slice(2);
if (!siteDir || !base || !queries.length) {
  console.error('usage: node bench/search-browser.mjs SITE_DIR BASE_PATH QUERY...');
  process.exit(2);
}
const REPEATS = 5;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };
const COMPRESS = new Set(['.html', '.js', '.json', '.css', '.svg']);
const gzCache = new Map();
let sent = [];  // {path, bytes}

// A page that runs Pagefind's own UI, as a site would add it.
const harness = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title>
<link href="${base}pagefind/pagefind-ui.css" rel="stylesheet">
<script src="${base}pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>window.addEventListener('DOMContentLoaded', () => { window.ui = new PagefindUI({ element: '#search', showSubResults: true }); });</script>
</body></html>`;

const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p === base + '__bench/pagefind.html') {
    res.writeHead(200, { 'content-type': TYPES['.html'] });
    res.end(harness);
    return;
  }
  if (!p.startsWith(base)) { res.writeHead(404); res.end(); return; }
  let file = path.join(siteDir, path.normalize('/' + p.slice(base.length)));
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  const ext = path.extname(file);
  let body = fs.readFileSync(file);
  const headers = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-cache' };
  if (COMPRESS.has(ext) && /gzip/.test(req.headers['accept-encoding'] || '')) {
    if (!gzCache.has(file)) gzCache.set(file, zlib.gzipSync(body, { level: 6 }));
    body = gzCache.get(file);
    headers['content-encoding'] = 'gzip';
  }
  // Single byte ranges, as GitHub Pages answers them (toolkit fetches a page's data so).
  const range = !headers['content-encoding'] && byteRange(req.headers.range, body.length);
  if (range) {
    headers['content-range'] = `bytes ${range[0]}-${range[1] - 1}/${body.length}`;
    body = body.subarray(range[0], range[1]);
  }
  headers['content-length'] = body.length;
  res.writeHead(range ? 206 : 200, headers);
  res.end(body);
  sent.push({ path: p + (range ? ` [${range[0]}-${range[1] - 1}]` : ''), bytes: body.length });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

/** Bytes a first query moves, from a cold cache: everything the engine loads, not the page itself. */
async function firstQuery(engine, q) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  sent = [];
  const t0 = Date.now();
  if (engine === 'toolkit') {
    await page.goto(`${origin}${base}search/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction((want) => {
      const r = document.querySelector('#search-results, [data-search-results]');
      return r && r.getAttribute('data-search-done') === want;
    }, q, { timeout: 60000 });
  } else {
    await page.goto(`${origin}${base}__bench/pagefind.html`);
    await page.fill('.pagefind-ui__search-input', q);
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 60000 });
  }
  await page.waitForLoadState('networkidle');
  const ms = Date.now() - t0;
  const mine = engine === 'toolkit'
    ? sent.filter((s) => s.path.startsWith(base + 'search/') && !s.path.endsWith('/search/') || /\/search\.[0-9a-f]+\.js$/.test(s.path))
    : sent.filter((s) => s.path.startsWith(base + 'pagefind/') && !s.path.endsWith('.css'));
  const count = await page.evaluate((e) => e === 'toolkit'
    ? document.querySelectorAll('.search-result').length
    : document.querySelectorAll('.pagefind-ui__result').length, engine);
  await ctx.close();
  return { bytes: sum(mine.map((s) => s.bytes)), requests: mine.length, ms, shown: count,
    files: mine.map((s) => `${s.path.slice(base.length)} ${s.bytes}`) };
}

/** Query times in one page: each query cold once, then REPEATS warm runs; first ten results with data. */
async function queryTimes(engine) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  if (engine === 'toolkit') {
    await page.goto(`${origin}${base}search/`);
    await page.waitForFunction(() => window.toolkitSearch && window.toolkitSearch.ready);
    await page.evaluate(() => window.toolkitSearch.ready);
  } else {
    await page.goto(`${origin}${base}__bench/pagefind.html`);
    await page.evaluate(async (b) => {
      window.pf = await import(b + 'pagefind/pagefind.js');
      await window.pf.init();
    }, base);
  }
  const run = (q) => page.evaluate(async ({ engine, q }) => {
    const t = performance.now();
    let n;
    if (engine === 'toolkit') {
      n = (await window.toolkitSearch.query(q)).length;
    } else {
      const r = await window.pf.search(q);
      n = (await Promise.all(r.results.slice(0, 10).map((x) => x.data()))).length;
    }
    return { ms: performance.now() - t, n };
  }, { engine, q });
  const cold = [], warm = [], results = {};
  for (const q of queries) {
    const c = await run(q);
    cold.push(c.ms);
    results[q] = c.n;
    for (let i = 0; i < REPEATS; i++) warm.push((await run(q)).ms);
  }
  await ctx.close();
  return { warm_median_ms: median(warm), cold_median_ms: median(cold), cold_max_ms: Math.max(...cold), results };
}

const out = { queries };
for (const engine of ['toolkit', 'pagefind']) {
  if (engine === 'pagefind' && !fs.existsSync(path.join(siteDir, 'pagefind/pagefind.js'))) continue;
  const first = await firstQuery(engine, queries[0]);
  const times = await queryTimes(engine);
  out[engine] = { first_query: first, ...times };
}
await browser.close();
server.close();
console.log(JSON.stringify(out));
