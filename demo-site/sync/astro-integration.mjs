// `npm run dev`: the sync server on the dev server's own port, at /sync
// (`npm start` does the same in server.mjs).
import { attach, createSyncServer } from './hocuspocus.mjs';

export default function syncServer() {
  return {
    name: 'atoll-demo-sync',
    hooks: {
      'astro:server:setup': async ({ server }) => {
        if (!server.httpServer) return;
        attach(server.httpServer, await createSyncServer());
      },
    },
  };
}
