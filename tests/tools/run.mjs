// Browser tests of the interactive tools (route finder, readiness self-assessment, collaboration
// finder) in Chromium, with JavaScript on and off, and axe-core on every tool page in every state.
// Run from the repository root after `build/toolkit build`: node tests/tools/run.mjs
// SITE=path overrides the built site; CHROMIUM=path the browser.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const e2e = join(root, 'tests/e2e');
const require = createRequire(join(e2e, 'package.json'));
const { chromium } = require('playwright-core');
const axePath = join(e2e, 'node_modules/axe-core/axe.min.js');
const site = resolve(process.env.SITE || join(root, 'site'));
const fixtures = {
  a: join(root, 'content/preparation/example-register-borough-a.csv'),
  b: join(root, 'content/preparation/example-register-borough-b.csv'),
  malformed: join(here, 'malformed.csv'),
};

// The site is built for config.toml's base_url, which may have a path (/toolkit/).
const baseUrl = /^base_url\s*=\s*"([^"]*)"/m.exec(readFileSync(join(root, 'config.toml'), 'utf8'));
const basePath = baseUrl ? new URL(baseUrl[1], 'http://x').pathname.replace(/\/?$/, '/') : '/';

const TODAY = '2026-12-01';  // the collaboration finder's "today", so that results do not age
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// ------------------------------------------------------------------ a very small test runner

const results = [];
async function test(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok    ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`  FAIL  ${name}\n        ${String(e && e.stack || e).split('\n').join('\n        ')}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}
function equal(actual, expected, message) {
  const a = JSON.stringify(actual), b = JSON.stringify(expected);
  if (a !== b) throw new Error(`${message}\n  expected: ${b}\n  actual:   ${a}`);
}

// ------------------------------------------------------------------ browser helpers

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
const server = await serve(site, basePath);
const url = (path) => server.url + path.replace(/^\//, '');

/** A page whose console errors (CSP violations among them) and script errors fail the test. */
async function openPage({ js = true, axe = false, width = 1024 } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: js,
    // axe is injected as an inline script, which the site's Content-Security-Policy forbids:
    // only the accessibility runs bypass it; the functional runs keep it.
    bypassCSP: axe,
    viewport: { width, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.check = () => equal(problems, [], 'the page reported errors');
  page.done = async () => { page.check(); await context.close(); };
  return page;
}

async function heading(page) {
  return (await page.locator('[data-tree-panel] h2').first().textContent()).trim();
}

/** axe-core with the WCAG 2.2 AA tags; `state` names what is on screen, for the message. */
async function checkAxe(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  }, AXE_TAGS);
  equal(found, [], `axe found violations on ${state}`);
}

// ------------------------------------------------------------------ route to market finder

const RF = '/execution/route-finder/';
const walks = [
  { answers: ['Above the threshold', 'No, or not one that fits', 'No', 'No', 'Well: we can describe it clearly and suppliers know how to meet it'],
    outcome: 'open-procedure', title: 'Open procedure' },
  { answers: ['Below the threshold', 'No, or not one that fits', 'No', 'It is novel: we want to test a prototype or pilot first'],
    outcome: 'below-threshold-pilot', title: 'A small pilot or challenge below the threshold' },
  { answers: ['Above the threshold', 'Yes, one fits'],
    outcome: 'framework-call-off', title: 'Call off from a framework or dynamic market' },
];

console.log(`Tool tests against ${server.url} (site: ${site})`);

for (const walk of walks) {
  await test(`route finder with JavaScript: ${walk.answers.length} answers lead to ${walk.outcome}, in place`, async () => {
    const page = await openPage();
    await page.goto(url(RF));
    await page.evaluate(() => { window.stillHere = true; });
    const seen = [await heading(page)];
    for (const answer of walk.answers) {
      await page.locator('[data-tree-panel] a', { hasText: answer }).first().click();
      seen.push(await heading(page));
      equal(await page.evaluate(() => document.activeElement && document.activeElement.tagName), 'H2',
        'focus moves to the new step\'s heading');
    }
    equal(seen[seen.length - 1], walk.title, 'the outcome');
    assert(new URL(page.url()).pathname.endsWith(`${RF}outcome/${walk.outcome}/`), `the address follows the step: ${page.url()}`);
    assert(await page.evaluate(() => window.stillHere === true), 'the tree ran in place (no page load)');
    assert(await page.locator('[data-tree-path] li').count() === walk.answers.length, 'the answers so far are listed');
    // The back button steps back through the questions, still in place.
    await page.goBack();
    equal(await heading(page), seen[seen.length - 2], 'back returns to the last question');
    await page.goForward();
    equal(await heading(page), walk.title, 'forward returns to the outcome');
    // The address is a real page: a reload (or a shared link) shows the same outcome.
    await page.reload();
    equal(await heading(page), walk.title, 'reloading the outcome\'s address');
    assert(await page.locator('.tree-caveat', { hasText: 'procurement and legal teams' }).count() === 1, 'the caveat');
    // Every outcome links to guidance that exists.
    const links = await page.locator('[data-tree-panel] .tree-step ul a').evaluateAll((as) => as.map((a) => a.href));
    assert(links.length > 0, 'the outcome links to guidance');
    for (const href of links) {
      const r = await page.request.get(href);
      equal(r.status(), 200, `guidance link ${href}`);
    }
    await page.locator('[data-tree-panel] a', { hasText: 'Start again' }).click();
    equal(await heading(page), seen[0], 'start again');
    await page.done();
  });

  await test(`route finder without JavaScript: ${walk.outcome} through linked pages`, async () => {
    const page = await openPage({ js: false });
    await page.goto(url(RF));
    const seen = [await heading(page)];
    for (const answer of walk.answers) {
      await Promise.all([page.waitForNavigation(), page.locator('[data-tree-panel] a', { hasText: answer }).first().click()]);
      seen.push(await heading(page));
    }
    equal(seen[seen.length - 1], walk.title, 'the outcome');
    assert(new URL(page.url()).pathname.endsWith(`${RF}outcome/${walk.outcome}/`), `its own address: ${page.url()}`);
    await page.goBack();
    equal(await heading(page), seen[seen.length - 2], 'back returns to the last question');
    await page.done();
  });
}

await test('route finder: every question has its own page, and the flowchart has a text version', async () => {
  const page = await openPage({ js: false });
  const r = await page.request.get(url(`${RF}q/value/`));
  equal(r.status(), 200, 'the start question\'s page');
  await page.goto(url(RF));
  const svg = page.locator('.tree-map svg.flowchart');
  equal(await svg.count(), 1, 'one flowchart');
  equal(await svg.getAttribute('role'), 'img', 'the flowchart is an image');
  assert((await svg.locator('title').textContent()).includes('Route to market finder'), 'it has a title');
  equal(await page.locator('.tree-map__scroll').getAttribute('tabindex'), '0', 'its scroll region takes focus');
  const boxes = await svg.locator('.flowchart__node').count();
  const templates = await page.locator('template[data-tree-node]').count();
  equal(boxes, templates, 'one box per question and outcome');
  const textLinks = await page.locator('.tree-map__text a[href*="/outcome/"]').count();
  assert(textLinks >= 9, `the text version reaches every outcome (${textLinks} links)`);
  await page.done();
});

await test('route finder: the flowchart fits a small screen by scrolling inside its region', async () => {
  const page = await openPage({ width: 360 });
  await page.goto(url(RF));
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth, view: window.innerWidth,
    region: document.querySelector('.tree-map__scroll').scrollWidth,
    regionBox: document.querySelector('.tree-map__scroll').clientWidth,
  }));
  assert(widths.doc <= widths.view, `the page itself does not scroll sideways (${widths.doc} > ${widths.view})`);
  assert(widths.region > widths.regionBox, 'the flowchart scrolls inside its region');
  await page.done();
});

// ------------------------------------------------------------------ readiness self-assessment

const SA = '/preparation/readiness-self-assessment/';
const ANSWERS = '321111222012330';  // stage scores 6, 3, 6, 3, 6: strategy and execution first, ties in stage order

await test('self-assessment: answer every statement, see scores weakest first, reload the result from its URL', async () => {
  const page = await openPage();
  await page.goto(url(SA));
  const fieldsets = page.locator('[data-assessment-form] fieldset');
  equal(await fieldsets.count(), 15, 'fifteen statements');
  // An incomplete form says which statements are missing.
  await page.locator('[data-assessment-form] input[value="1"]').first().check();
  await page.locator('[data-assessment-form] button[type="submit"]').click();
  equal(await page.locator('[data-assessment-error] li').count(), 14, 'fourteen statements still need an answer');
  assert(await page.evaluate(() => document.activeElement.hasAttribute('data-assessment-error')), 'focus moves to the error');
  for (let i = 0; i < ANSWERS.length; i++) {
    await page.locator(`#assessment-q${i}-${ANSWERS[i]}`).check();
  }
  await page.locator('[data-assessment-form] button[type="submit"]').click();
  equal(new URL(page.url()).hash, `#a=${ANSWERS}`, 'the answers are in the fragment');
  const readResults = () => page.locator('[data-assessment-results] .assessment-result').evaluateAll((sections) =>
    sections.map((s) => `${s.querySelector('h3').textContent}: ${s.querySelector('.assessment-result__score').textContent}`));
  const expected = [
    'Stage 2: Strategy: Score: 3 out of 9 (getting started)',
    'Stage 4: Execution: Score: 3 out of 9 (getting started)',
    'Stage 1: Preparation: Score: 6 out of 9 (developing)',
    'Stage 3: Design: Score: 6 out of 9 (developing)',
    'Stage 5: Management: Score: 6 out of 9 (developing)',
  ];
  equal(await readResults(), expected, 'scores per stage, weakest first');
  equal(await page.evaluate(() => document.activeElement.id), 'assessment-results-heading', 'focus moves to the results');
  equal(await page.locator('[data-assessment-results]').getAttribute('aria-live'), 'polite', 'results are announced');
  assert(await page.locator('[data-assessment-results] a', { hasText: 'Choose a route to market' }).count() === 1,
    'each stage links to its guidance');
  await page.reload();
  equal(await readResults(), expected, 'the same result after a reload');
  equal(await page.locator('#assessment-q0-3').isChecked(), true, 'the answers are restored');
  await page.done();

  const shared = await openPage();
  await shared.goto(url(`${SA}#a=${ANSWERS}`));
  equal(await shared.locator('[data-assessment-results] h3').first().textContent(), 'Stage 2: Strategy',
    'a shared link opens on the result');
  await shared.done();
});

await test('self-assessment: printable result view', async () => {
  const page = await openPage();
  await page.goto(url(`${SA}#a=${ANSWERS}`));
  await page.evaluate(() => { window.print = () => { window.printed = document.documentElement.className; }; });
  await page.locator('[data-assessment-results] button', { hasText: 'Print your results' }).click();
  assert((await page.evaluate(() => window.printed)).includes('tool-print-results'), 'printing marks the results view');
  await page.emulateMedia({ media: 'print' });
  const visible = await page.evaluate(() => ({
    results: getComputedStyle(document.querySelector('[data-assessment-results] h3')).visibility,
    header: getComputedStyle(document.querySelector('h1')).visibility,
  }));
  equal(visible, { results: 'visible', header: 'hidden' }, 'only the results print');
  await page.done();
});

await test('self-assessment without JavaScript: a printable worksheet with the scoring rules', async () => {
  const page = await openPage({ js: false });
  await page.goto(url(SA));
  equal(await page.locator('[data-assessment-form]').count(), 0, 'no form that cannot work');
  const heads = await page.locator('.assessment-sheet table thead th').allTextContents();
  equal(heads.map((h) => h.replace(/\s*\(\d\)/, '').trim()), ['Statement', 'Not yet', 'Partly', 'Mostly', 'Fully'],
    'the statements with four columns');
  equal(await page.locator('.assessment-sheet table tbody tr td:first-child').count(), 15, 'fifteen statements');
  const rules = await page.locator('.assessment-sheet ol').first().textContent();
  assert(rules.includes('Not yet scores 0') && rules.includes('between 0 and 9') && rules.includes('lowest score'),
    'how to score');
  await page.done();
});

// ------------------------------------------------------------------ collaboration finder

const CF = '/preparation/collaboration-finder/';

async function readRegisters(page, files) {
  await page.locator('#registers-files').setInputFiles(files);
  await page.locator('[data-registers-form] button[type="submit"]').click();
}

async function pairs(page) {
  return page.locator('.registers__pairs tbody tr').evaluateAll((rows) =>
    rows.map((r) => `${r.getAttribute('data-pair')}: ${r.cells[0].textContent}`));
}

await test('collaboration finder: the example registers give the expected pairs', async () => {
  const page = await openPage();
  await page.goto(url(`${CF}?today=${TODAY}`));
  await readRegisters(page, [fixtures.a, fixtures.b]);
  await page.locator('[data-registers-results] h2').waitFor();
  equal(await page.evaluate(() => document.activeElement.id), 'registers-results-heading', 'focus moves to the results');
  const summary = await page.locator('.registers__summary').textContent();
  assert(summary.includes('Read 2 registers with 16 contracts') && summary.includes('Every row was read'), summary);
  assert(summary.includes('between 1 December 2027 and 1 December 2029'), `the window: ${summary}`);
  equal(await pairs(page), [
    'A-001|B-101: Same supplier and same kind of contract',
    'A-002|B-102: Same kind of contract',
    'A-004|B-105: Same kind of contract',
    'A-008|B-103: Same kind of contract',
  ], 'flagged pairs');
  // Contracts outside the window or too far apart are not flagged (A-007/B-104 end 16 months apart).
  const byCategory = await page.locator('.tool-table').nth(1).textContent();
  assert(byCategory.includes('Housing management systems (2 contracts, 2 registers)'), 'grouped by category');
  assert(!byCategory.includes('Elm Cloud Hosting'), 'A-005 ends after the window');
  const bySupplier = await page.locator('.tool-table').nth(2).textContent();
  assert(bySupplier.includes('Hazel Routing Ltd (2 contracts, 2 registers)'), 'grouped by supplier, names matched');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button', { hasText: 'Download the matches (CSV)' }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.replace(/^\ufeff/, '').trim().split(/\r\n/);
  equal(lines.length, 5, 'a header and four pairs');
  assert(lines[0].startsWith('"Why","Days apart","Register 1"'), lines[0]);
  assert(lines[1].includes('"A-001"') && lines[1].includes('"B-101"') && lines[1].includes('"2028-03-31"'), lines[1]);
  equal(download.suggestedFilename(), 'collaboration-finder-matches.csv', 'file name');
  await page.done();
});

await test('collaboration finder: a malformed register asks for its columns and reports its bad rows', async () => {
  const page = await openPage();
  await page.goto(url(`${CF}?today=${TODAY}`));
  await readRegisters(page, [fixtures.a, fixtures.b, fixtures.malformed]);
  // "Firm" is not a known supplier header, so the finder asks.
  await page.locator('#registers-mapping-heading').waitFor();
  equal(await page.evaluate(() => document.activeElement.id), 'registers-mapping-heading', 'focus moves to the mapping step');
  equal(await page.locator('#registers-map-2-supplier').inputValue(), '-1', 'no supplier column found');
  equal(await page.locator('#registers-map-2-end_date').inputValue(), '4', 'the end date column was recognised');
  // Submitting without it is refused.
  await page.locator('[data-registers-mapping] button[type="submit"]').click();
  assert((await page.locator('[data-registers-mapping] .tool-error').textContent()).includes('Choose the supplier column for malformed.csv'),
    'the missing column is named');
  await page.locator('#registers-map-2-supplier').selectOption({ label: 'Firm' });
  await page.locator('[data-registers-mapping] button[type="submit"]').click();
  await page.locator('[data-registers-results] h2').waitFor();
  const bad = await page.locator('.registers__bad-list li').allTextContents();
  equal(bad, [
    'Borough C (test data), row 3: the end date “31/02/2028” is not a real date written as DD/MM/YYYY or YYYY-MM-DD.',
    'Borough C (test data), row 4: there is no supplier.',
    'Borough C (test data), row 5: the end date “2028-13-01” is not a real date written as DD/MM/YYYY or YYYY-MM-DD.',
    'Borough C (test data), row 6: it has 7 fields but the header has 6 (is there a comma that should be inside quotes?).',
    'Borough C (test data), row 9: a quoted field is never closed (a " is missing).',
  ], 'bad rows, with their row numbers');
  const found = await pairs(page);
  for (const p of ['A-001|C-1: Same kind of contract', 'B-101|C-1: Same kind of contract',
    'A-004|C-7: Same kind of contract', 'B-105|C-7: Same kind of contract']) {
    assert(found.includes(p), `pair ${p} in ${JSON.stringify(found)}`);
  }
  const text = await page.locator('[data-registers-results]').textContent();
  assert(text.includes('Quince Systems, Ltd'), 'a comma inside quotes stays in the field');
  assert(text.includes('Umber "Quoted" Ltd'), 'doubled quotes inside quotes');
  await page.done();
});

await test('collaboration finder without JavaScript: the method and a printable checklist', async () => {
  const page = await openPage({ js: false });
  await page.goto(url(CF));
  equal(await page.locator('input[type="file"]').count(), 0, 'no file input that cannot work');
  assert(await page.locator('.registers-method ol li').count() >= 5, 'the method');
  assert(await page.locator('.tool-checklist li').count() >= 5, 'the checklist');
  const examples = await page.locator('.registers__examples a').evaluateAll((as) => as.map((a) => a.href));
  equal(examples.length, 2, 'two example registers');
  for (const href of examples) {
    const r = await page.request.get(href);
    equal(r.status(), 200, href);
    assert((await r.text()).includes('(example data)'), 'marked as example data');
  }
  await page.done();
});

// ------------------------------------------------------------------ accessibility in every state

await test('axe: route finder (tool page, a question, an outcome, a step page, text version)', async () => {
  const page = await openPage({ axe: true });
  await page.goto(url(RF));
  await checkAxe(page, 'the route finder');
  await page.locator('[data-tree-panel] a', { hasText: 'Below the threshold' }).click();
  await checkAxe(page, 'a question shown in place');
  await page.locator('[data-tree-panel] a', { hasText: 'Yes, one fits' }).click();
  await checkAxe(page, 'an outcome shown in place');
  await page.goto(url(`${RF}outcome/direct-award/`));
  await checkAxe(page, 'an outcome\'s own page');
  await page.goto(url(`${RF}q/novelty/`));
  await checkAxe(page, 'a question\'s own page');
  await page.goto(url(RF));
  await page.locator('.tree-map__text summary').click();
  await checkAxe(page, 'the flowchart\'s text version, open');
  await page.done();
});

await test('axe: self-assessment (form, missing answers, results, worksheet)', async () => {
  const page = await openPage({ axe: true });
  await page.goto(url(SA));
  await checkAxe(page, 'the self-assessment form');
  await page.locator('[data-assessment-form] button[type="submit"]').click();
  await checkAxe(page, 'the self-assessment with missing answers');
  await page.goto(url(`${SA}#a=${ANSWERS}`));
  await page.reload();
  await page.locator('[data-assessment-results] h2').waitFor();
  await checkAxe(page, 'the self-assessment results');
  await page.done();
});

await test('axe: collaboration finder (empty, mapping step, results with bad rows)', async () => {
  const page = await openPage({ axe: true });
  await page.goto(url(`${CF}?today=${TODAY}`));
  await checkAxe(page, 'the collaboration finder');
  await page.locator('[data-registers-form] button[type="submit"]').click();
  await checkAxe(page, 'the collaboration finder with no file chosen');
  await readRegisters(page, [fixtures.a, fixtures.b, fixtures.malformed]);
  await page.locator('#registers-mapping-heading').waitFor();
  await checkAxe(page, 'the column mapping step');
  await page.locator('#registers-map-2-supplier').selectOption({ label: 'Firm' });
  await page.locator('[data-registers-mapping] button[type="submit"]').click();
  await page.locator('[data-registers-results] h2').waitFor();
  await checkAxe(page, 'the collaboration finder results');
  await page.done();
});

await server.close();
await browser.close();

const failed = results.filter((r) => !r.ok);
console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
