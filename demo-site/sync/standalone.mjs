// One sync server process of its own: `node sync/standalone.mjs`.
// SYNC_PORT (default 4401), HOST (default 127.0.0.1); REDIS_PORT and
// REDIS_HOST to share rooms with the other processes through Redis
// (`DEMO_SYNC=redis npm run demo` starts two of these).
import { createSyncServer, stopSyncServer } from './hocuspocus.mjs';

const port = Number(process.env.SYNC_PORT) || 4401;
const host = process.env.HOST || '127.0.0.1';
const redis = process.env.REDIS_PORT
  ? { host: process.env.REDIS_HOST || '127.0.0.1', port: Number(process.env.REDIS_PORT) }
  : undefined;

const sync = await createSyncServer({ redis });
sync.server.configuration.address = host;
await sync.server.listen(port);
console.log(
  `sync: ws://${host}:${port} (rooms in ${sync.storage}${redis ? `, shared through Redis on ${redis.host}:${redis.port}` : ''})`,
);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stopSyncServer(sync);
    process.exit(0);
  });
}
