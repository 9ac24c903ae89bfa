// toolkit check agrees with linkinator on a site with planted faults.
//
// The fixture (tests/check/fixture/) has a missing page, two missing anchors, a missing image
// and a missing srcset candidate, and two external links that this script serves itself from
// a local HTTP server (200 for /ok, 404 for /gone). Both checkers run on a copy of it, and the
// sets of broken URLs must match: every URL linkinator calls broken, toolkit check calls broken,
// and anything more toolkit finds must be an anchor (linkinator's weak spot). Both sets are
// also pinned, so a checker that misses a planted fault fails the test.
//
// Run from tests/e2e (where node_modules is): node ../check/compare-linkinator.mjs [toolkit]
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const toolkit = path.resolve(process.argv[2] ?? path.join(root, 'build/toolkit'));
const placeholder = 'http://check-server.invalid';
// linkinator is installed in tests/e2e (npm ci there), not beside this script.
const { LinkChecker } = await import(pathToFileURL(path.join(root, 'tests/e2e/node_modules/linkinator/build/src/index.js')));

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}

// The external server: bounded, loopback only, closed at the end.
const server = http.createServer((req, res) => {
  const status = req.url === '/ok' ? 200 : 404;
  res.writeHead(status, { 'content-type': 'text/html' });
  res.end(req.method === 'HEAD' ? undefined : `<!DOCTYPE html><title>${status}</title>`);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const work = mkdtempSync(path.join(tmpdir(), 'toolkit-check-'));
const site = path.join(work, 'site');
cpSync(path.join(here, 'fixture'), site, { recursive: true });
function rewrite(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) rewrite(p);
    else if (name.endsWith('.html')) writeFileSync(p, readFileSync(p, 'utf8').replaceAll(placeholder, origin));
  }
}
rewrite(site);

try {
  // toolkit check: exit 1 (broken links), JSON on stdout. Run asynchronously: the server
  // above answers from this process's event loop.
  let out;
  try {
    ({ stdout: out } = await promisify(execFile)(toolkit, ['check', site, '--base-url', '/', '--external',
      '--format', 'json', '--cache', path.join(work, 'links.json'), '--retries', '0'], { cwd: work }));
    fail('toolkit check exited 0 on a site with broken links');
  } catch (e) {
    if (e.code !== 1) throw e;
    out = e.stdout;
  }
  const report = JSON.parse(out);
  const ours = new Set(report.findings.filter((f) => f.status === 'broken').map((f) => f.target));

  // linkinator: serves the folder itself on localhost; its URLs are made site paths again.
  const checker = new LinkChecker();
  const result = await checker.check({ path: site, recurse: true, checkFragments: true, timeout: 10000 });
  const theirs = new Set();
  for (const link of result.links) {
    if (link.state !== 'BROKEN') continue;
    // Local pages come back as file paths under the folder: make them site paths.
    theirs.add(link.url.startsWith(site) ? link.url.slice(site.length) : link.url);
  }

  const sorted = (s) => [...s].sort();
  console.log('toolkit check:', sorted(ours).join(' '));
  console.log('linkinator:   ', sorted(theirs).join(' '));
  for (const url of theirs) if (!ours.has(url)) fail(`linkinator reports ${url}, toolkit check does not`);
  for (const url of ours) {
    if (!theirs.has(url) && !url.includes('#')) fail(`toolkit check reports ${url}, linkinator does not, and it is no anchor`);
  }
  const planted = ['/about/#contact', '/about/#no-such-section', '/guides/missing-page/', '/images/logo-2x.png',
    '/images/missing.png', `${origin}/gone`];
  if (sorted(ours).join('\n') !== sorted(planted).join('\n')) fail(`toolkit check should report exactly: ${planted.join(' ')}`);
  const theirsMissed = planted.filter((u) => !theirs.has(u));
  if (theirsMissed.some((u) => !u.includes('#'))) fail(`linkinator missed more than anchors: ${theirsMissed.join(' ')}`);
  if (theirsMissed.length) console.log(`linkinator misses ${theirsMissed.length} anchor(s): ${theirsMissed.join(' ')}`);
  if (!process.exitCode) console.log(`1 passed, 0 failed: toolkit check and linkinator agree on ${theirs.size} broken URLs`);
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
