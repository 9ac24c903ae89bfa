// The editor's loop in a real browser: `toolkit serve` on a temporary copy of the site, a page
// open in Chromium, a save that reloads it, a typo in front matter explained in an overlay, and
// the fix that clears it. Runs under the theme's Content-Security-Policy, so a violation (an
// inline script, a blocked event stream) fails the test.
// Usage: node serve.mjs [toolkit binary] [site folder]   (defaults: ../../build/toolkit, ../..)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './server.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const bin = path.resolve(process.argv[2] || path.join(here, '../../build/toolkit'));
const source = path.resolve(process.argv[3] || path.join(here, '../..'));
const chromiumPath = process.env.CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'])
  .toString().trim();

let failures = 0;
const fail = (msg) => { failures++; console.error(`FAIL ${msg}`); };
const check = (ok, msg) => { if (ok) console.log(`ok   ${msg}`); else fail(msg); };

// A copy of the site: content, themes and config (the theme path stays relative to it).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toolkit-serve-e2e-'));
for (const item of ['content', 'themes', 'config.toml']) fs.cpSync(path.join(source, item), path.join(work, item), { recursive: true });

const server = spawn(bin, ['serve', '--port', '0', '--no-git'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
let out = '';
let err = '';
server.stdout.on('data', (d) => { out += d; });
server.stderr.on('data', (d) => { err += d; });
const url = await new Promise((resolve, reject) => {
  const timer = setInterval(() => {
    const m = out.match(/^Serving (http:\/\/\S+)/m);
    if (m) { clearInterval(timer); resolve(m[1]); }
  }, 50);
  server.on('exit', (code) => { clearInterval(timer); reject(new Error(`serve exited with ${code}: ${err}`)); });
});
console.log(`serve: ${url}`);

// A guidance page of the first stage.
const stage = fs.readdirSync(path.join(work, 'content')).find((d) => fs.existsSync(path.join(work, 'content', d, '_index.md')));
const file = fs.readdirSync(path.join(work, 'content', stage)).filter((f) => f.endsWith('.md') && f !== '_index.md').sort()[0];
const pagePath = path.join(work, 'content', stage, file);
const pageUrl = `${url}${stage}/${file.replace(/\.md$/, '')}/`;
const original = fs.readFileSync(pagePath, 'utf8');

const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pageUrl);
  check(await page.locator('script[src="/__toolkit/livereload.js"]').count() === 1, 'the page has the live-reload script');
  await page.waitForTimeout(300);  // the event stream connects

  // Save a change: the page reloads by itself and shows it.
  const reloaded = page.waitForEvent('load', { timeout: 15000 });
  fs.writeFileSync(pagePath, original + '\n\nA sentence written while the preview was open.\n');
  await reloaded;
  check(await page.getByText('A sentence written while the preview was open.').count() === 1, 'a saved change reloads the page');

  // A typo in front matter: the overlay names file:line:col, the message and the line.
  fs.writeFileSync(pagePath, original.replace(/^title = /m, 'titel = '));
  const overlay = page.locator('.toolkit-errors');
  await overlay.waitFor({ timeout: 15000 });
  const text = await overlay.innerText();
  const line = original.split('\n').findIndex((l) => l.startsWith('title = ')) + 1;
  check(text.includes(`content/${stage}/${file}:${line}:1`), `the overlay names content/${stage}/${file}:${line}:1`);
  check(text.includes("unknown key 'titel' (did you mean 'title'?)"), 'the overlay gives the message');
  check(text.includes('titel = '), 'the overlay shows the source line');
  check(await page.locator('.toolkit-errors__source').count() >= 1, 'the source line is shown as code');
  check(err.includes("error: unknown key 'titel' (did you mean 'title'?)"), 'the terminal says the same');
  fs.mkdirSync(path.join(here, 'screenshots'), { recursive: true });
  await page.screenshot({ path: path.join(here, 'screenshots', 'serve-error-overlay.png') });

  // Another page opened while the error stands shows the overlay too.
  const other = await browser.newPage();
  await other.goto(url);
  await other.locator('.toolkit-errors').waitFor({ timeout: 15000 });
  check(true, 'every page shows the errors');
  await other.close();

  // The fix clears it.
  const fixed = page.waitForEvent('load', { timeout: 15000 });
  fs.writeFileSync(pagePath, original);
  await fixed;
  await page.waitForTimeout(300);
  check(await page.locator('.toolkit-errors').count() === 0, 'fixing the file clears the overlay');
  check(problems.length === 0, `no console errors or CSP violations${problems.length ? ': ' + problems.join(' | ') : ''}`);
} finally {
  await browser.close();
  server.kill('SIGINT');
  await new Promise((resolve) => server.on('exit', resolve));
  fs.rmSync(work, { recursive: true, force: true });
}
if (failures) {
  console.error(`${failures} failure(s)`);
  process.exit(1);
}
console.log('serve in the browser: all passed');
