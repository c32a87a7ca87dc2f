// The storefront's sync server: Hocuspocus rooms for "Share this cart".
//
// A room is one shared cart (a Y.Doc named `cart:<room id>`). Rooms are
// kept in SQLite, a file under .data/, when the native SQLite module loads;
// otherwise (a WebContainer such as StackBlitz, where native modules do not
// load) in memory, and the page says that a restart forgets them. With
// Redis (DEMO_SYNC=redis, see standalone.mjs) several server processes share
// every room. guardRooms() refuses malformed updates and rooms over 256 KB.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Server } from '@hocuspocus/server';
import { guardRooms } from 'atoll-store/yjs-server';

const DATA_DIR = fileURLToPath(new URL('../.data/', import.meta.url));
const MAX_ROOM_BYTES = 256 * 1024;
// What the page shows about sharing (pages/index.astro reads it): one object
// per process, found through globalThis because Astro's server bundle and
// this module are separate module graphs.
const INFO = Symbol.for('atoll-demo.sync');

/** The SQLite extension, or why there is none. */
async function sqliteStorage(file) {
  try {
    // The extension loads the native module only when it opens the file:
    // try it here, where a failure can still fall back to memory.
    const { default: Database } = await import('better-sqlite3');
    new Database(':memory:').close();
    const { SQLite } = await import('@hocuspocus/extension-sqlite');
    mkdirSync(DATA_DIR, { recursive: true });
    return { extension: new SQLite({ database: file }) };
  } catch (error) {
    return { reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

async function redisExtension({ host, port }) {
  const { Redis } = await import('@hocuspocus/extension-redis');
  return new Redis({ host, port });
}

/**
 * A Hocuspocus server (not listening: attach() routes upgrades to it, or
 * standalone.mjs calls listen()).
 * @param {{ redis?: { host: string, port: number }, database?: string }} [options]
 */
export async function createSyncServer(options = {}) {
  // SYNC_DATABASE: another file (the browser tests use a temporary one).
  const sqlite = await sqliteStorage(options.database ?? process.env.SYNC_DATABASE ?? `${DATA_DIR}rooms.sqlite`);
  const extensions = [guardRooms({ maxDocumentBytes: MAX_ROOM_BYTES })];
  if (sqlite.extension) extensions.push(sqlite.extension);
  else console.warn(`sync: SQLite is not available here (${sqlite.reason}); rooms are kept in memory`);
  if (options.redis) extensions.push(await redisExtension(options.redis));
  const server = new Server({
    quiet: true,
    stopOnSignals: false,
    // Store a changed room 200 ms after its last change, at least every 2 s.
    debounce: 200,
    maxDebounce: 2000,
    // One WebSocket message at most twice a room's limit (a client's first
    // sync sends its whole copy): bigger ones are cut off by ws itself.
    websocketOptions: { maxPayload: 2 * MAX_ROOM_BYTES },
    // Before going public, add an onAuthenticate hook here (see the README).
    extensions,
  });
  const storage = sqlite.extension ? 'sqlite' : 'memory';
  return { server, storage, redis: !!options.redis };
}

/**
 * Serves the sync server's WebSocket at `path` of an HTTP server the page
 * comes from (same origin: no port to open or forward, on StackBlitz too).
 */
export function attach(httpServer, sync, path = '/sync') {
  httpServer.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== path) return; // Vite's HMR, ...
    sync.server.httpServer.emit('upgrade', request, socket, head);
  });
  publish({ urls: [path], storage: sync.storage });
}

/** What the page shows: where the sync servers are, where rooms are kept. */
export function publish(info) {
  globalThis[INFO] = info;
}

/** Stores every room that changed, then closes the connections. */
export async function stopSyncServer(sync) {
  await sync.server.destroy();
}
