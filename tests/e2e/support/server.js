// Building the demo site and serving it on a free port on 127.0.0.1 with its
// production server (server.mjs: compressed, what `npm run demo` runs), or
// with `astro preview` or `astro dev`; stop() ends the server's whole process group.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { childEnv, siteDir } from './paths.js';
import { run } from './run.js';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `npm run build` in the site: the prebuild copy of the browser build, then astro build. */
export function buildSite(cwd = siteDir) {
  return run('npm', ['run', 'build'], { cwd, env: childEnv() });
}

/**
 * Starts the site's server in cwd and waits until it answers. mode 'start':
 * `node server.mjs` (the built site, compressed); 'preview': `astro preview`;
 * 'dev': `npm run dev`, so its predev step runs, as for a user. `env`: more
 * environment variables for the server.
 */
export async function startServer({ cwd = siteDir, mode = 'start', timeoutMs = 60_000, env = {} } = {}) {
  const port = await freePort();
  const astroBin = join(cwd, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const [command, args] = {
    start: [process.execPath, [join(cwd, 'server.mjs')]],
    preview: [process.execPath, [astroBin, 'preview', '--host', '127.0.0.1', '--port', String(port)]],
    dev: ['npm', ['run', 'dev', '--', '--host', '127.0.0.1', '--port', String(port)]],
  }[mode];
  const child = spawn(command, args, {
    cwd,
    env: childEnv({ PORT: String(port), HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends npm's children
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  child.on('exit', () => (exited = true));

  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return resolve();
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 3000).unref();
    });

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`the ${mode} server exited early:\n${output}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${mode} server did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, stop, output: () => output };
}
