// A tiny static server for the built site, honouring the base path as GitHub Pages does.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
};

/** A single `Range: bytes=a-b` (or `a-`, `-n`) of a body of `size` bytes, as [start, end), or
 *  null: none, several, or not satisfiable. */
export function byteRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header || '');
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start, end;
  if (m[1] === '') { start = Math.max(0, size - Number(m[2])); end = size; }
  else { start = Number(m[1]); end = m[2] === '' ? size : Math.min(size, Number(m[2]) + 1); }
  return start < end ? [start, end] : null;
}

/** Serves `root` under `base` (e.g. "/toolkit/") on a free port; resolves to {url, close}.
 *  Answers single byte ranges with 206, as GitHub Pages does, unless `ranges` is false (then the
 *  whole file, 200, as some servers do). */
export function serve(root, base = '/', { ranges = true } = {}) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(base)) { res.writeHead(404); res.end('not found'); return; }
    p = '/' + p.slice(base.length);
    let file = path.join(root, path.normalize(p));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(404); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(fs.existsSync(path.join(root, '404.html')) ? fs.readFileSync(path.join(root, '404.html')) : 'not found');
      return;
    }
    const body = fs.readFileSync(file);
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    const range = ranges && byteRange(req.headers.range, body.length);
    if (range) {
      res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${range[0]}-${range[1] - 1}/${body.length}` });
      res.end(body.subarray(range[0], range[1]));
      return;
    }
    res.writeHead(200, { 'content-type': type, 'accept-ranges': ranges ? 'bytes' : 'none' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}${base}`, close: () => server.close() });
  }));
}

/** The base path of a site from its config.toml base_url. */
export function basePath(configText) {
  const m = configText.match(/^base_url\s*=\s*"([^"]*)"/m);
  if (!m) return '/';
  let p = m[1].replace(/^https?:\/\/[^/]+/, '');
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Every HTML file of a built site, as site paths ("strategy/x/index.html"). */
export function htmlFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const f = path.join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.html')) out.push(path.relative(root, f));
    }
  };
  walk(root);
  return out.sort();
}
