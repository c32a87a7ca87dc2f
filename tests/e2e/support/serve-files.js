// A tiny static server for browser tests that need exact headers (a CSP, a
// content type) on a few in-memory files: { '/path': { body, csp? } }. The
// content type comes from the path's ending; anything else is a 404.
import { createServer } from 'node:http';

const typeOf = (path) => (path.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8');

/** Resolves to { url, close() } once it listens on a free loopback port. */
export function serveFiles(files) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    const file = Object.hasOwn(files, path) ? files[path] : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': typeOf(path),
      'cache-control': 'no-store',
      ...(file.csp ? { 'content-security-policy': file.csp } : {}),
    });
    res.end(file.body);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
