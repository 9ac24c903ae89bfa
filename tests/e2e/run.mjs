// Browser tests of the built site (make test): axe-core (WCAG 2.2 A and AA) and html-validate on
// every page, keyboard checks, no horizontal scrolling at 320px and 1280px, screenshots.
// html-validate runs "recommended" (.htmlvalidate.json) with these changes: ids may start with a digit
// (HTML5 allows it, and GitHub-style heading anchors such as "#1-plan" need it); titles follow the
// "Page - Site" pattern even past 70 characters; whitespace style rules are off.
// Usage: node run.mjs [site dir] [config.toml]   (defaults: ../../site, ../../config.toml)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { HtmlValidate } from 'html-validate';
import { serve, basePath, htmlFiles, CHROMIUM_ARGS } from './server.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const siteDir = path.resolve(process.argv[2] || path.join(here, '../../site'));
const configPath = path.resolve(process.argv[3] || path.join(here, '../../config.toml'));
const base = basePath(fs.readFileSync(configPath, 'utf8'));
const chromiumPath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'])
  .toString().trim();
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = path.join(here, 'screenshots');
fs.mkdirSync(shots, { recursive: true });

let failures = 0;
const fail = (msg) => { failures++; console.error(`FAIL ${msg}`); };

// 1. html-validate on every page.
const validator = new HtmlValidate(JSON.parse(fs.readFileSync(path.join(here, '.htmlvalidate.json'), 'utf8')));
const pages = htmlFiles(siteDir);
let htmlErrors = 0;
for (const file of pages) {
  const report = await validator.validateString(fs.readFileSync(path.join(siteDir, file), 'utf8'), file);
  for (const r of report.results) for (const m of r.messages) {
    if (m.severity !== 2) continue;
    htmlErrors++;
    if (htmlErrors <= 40) fail(`html-validate ${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
}
console.log(`html-validate: ${pages.length} pages, ${htmlErrors} errors`);

// 2. In the browser.
const server = await serve(siteDir, base);
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
const urlOf = (file) => server.url + file.replace(/index\.html$/, '');

let axeViolations = 0;
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const narrow = await browser.newContext({ viewport: { width: 320, height: 700 }, isMobile: false });
for (const file of pages) {
  if (file === '404.html') continue;
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const resp = await page.goto(urlOf(file));
  if (!resp || resp.status() !== 200) fail(`${file}: HTTP ${resp && resp.status()}`);
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  for (const v of result.violations) {
    axeViolations++;
    fail(`axe ${file}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }
  // Redirect pages move on by themselves; errors there are the target's.
  if (!/http-equiv="refresh"/.test(fs.readFileSync(path.join(siteDir, file), 'utf8'))) {
    for (const e of errors) fail(`${file}: console error: ${e}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (wide > 0) fail(`${file}: scrolls sideways by ${wide}px at 1280px`);
    const small = await narrow.newPage();
    await small.goto(urlOf(file));
    const over = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (over > 0) fail(`${file}: scrolls sideways by ${over}px at 320px`);
    await small.close();
  }
  await page.close();
}
console.log(`axe-core: ${pages.length - 1} pages, ${axeViolations} violations`);

// 3. Keyboard: the skip link comes first and moves focus to the main content.
const guidance = pages.find((f) => /^strategy\/.+\/index\.html$/.test(f) && !f.includes('/q/')) || pages[0];
{
  const page = await ctx.newPage();
  await page.goto(urlOf(guidance));
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({ text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href') }));
  if (!/skip to main content/i.test(first.text)) fail(`keyboard: first Tab reaches "${first.text}", not the skip link`);
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
  if (focused !== 'main-content') fail(`keyboard: the skip link moves focus to "${focused}", not main-content`);
  // Every focusable element shows a visible focus indicator.
  const missing = await page.evaluate(() => {
    const bad = [];
    const els = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')];
    for (const el of els) {
      if (!el.getClientRects().length) continue;
      const before = getComputedStyle(el);
      const was = [before.outlineStyle, before.outlineWidth, before.boxShadow, before.backgroundColor, before.textDecorationThickness].join('|');
      el.focus({ focusVisible: true });
      const now = getComputedStyle(el);
      const is = [now.outlineStyle, now.outlineWidth, now.boxShadow, now.backgroundColor, now.textDecorationThickness].join('|');
      if (document.activeElement === el && was === is && (now.outlineStyle === 'none' || now.outlineWidth === '0px')) bad.push(el.outerHTML.slice(0, 80));
    }
    return bad;
  });
  // focus() from script is not :focus-visible for mouse-like focus in every case; Tab through instead.
  let tabbed = 0;
  const invisible = [];
  await page.goto(urlOf(guidance));
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      return { visible, html: el.outerHTML.slice(0, 80) };
    });
    if (!info) break;
    tabbed++;
    if (!info.visible) invisible.push(info.html);
  }
  if (invisible.length) fail(`keyboard: no visible focus on ${invisible.length} elements, e.g. ${invisible[0]}`);
  if (tabbed < 10) fail(`keyboard: only ${tabbed} elements reachable by Tab`);
  void missing;
  // The stage navigation opens and closes from the keyboard.
  const summary = page.locator('.step-nav summary, nav summary').first();
  if (await summary.count()) {
    await summary.focus();
    const was = await summary.evaluate((s) => s.parentElement.open);
    await page.keyboard.press('Enter');
    const now = await summary.evaluate((s) => s.parentElement.open);
    if (was === now) fail('keyboard: Enter on a stage in the step-by-step navigation does not open or close it');
  } else fail('keyboard: no collapsible stage navigation found on a guidance page');
  await page.close();
}

// 4. Screenshots for people to look at.
const template = pages.find((f) => /template|register|matrix|checklist|plan\/index/.test(f) && f.split('/').length === 3);
const targets = [['home', 'index.html'], ['stage', 'strategy/index.html'], ['guidance', guidance], ['template', template || guidance]];
for (const [name, file] of targets) {
  for (const [w, c] of [[1280, ctx], [320, narrow]]) {
    const page = await c.newPage();
    await page.goto(urlOf(file));
    await page.screenshot({ path: path.join(shots, `${name}-${w}.png`), fullPage: true });
    await page.close();
  }
}

await browser.close();
server.close();
if (failures) { console.error(`${failures} browser test failures`); process.exit(1); }
console.log('Browser tests passed.');
