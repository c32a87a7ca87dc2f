// "Share this cart": a room id in the URL (?room=...), and every browser that
// opens that URL shares the cart live (../cartShare.js, which loads Yjs and
// the provider only when a room is joined, not with the page).
import { newRoomId, pickServer, roomOfPage } from '../cartRoom.js';

export function startShare() {
  const share = document.querySelector('[data-island="script"][data-part="share"]');
  const button = share.querySelector('[data-action="share"]');
  const status = share.querySelector('[data-share-status]');
  const urls = JSON.parse(share.dataset.syncUrls || '[]');
  const kept =
    share.dataset.syncStorage === 'memory'
      ? 'The server keeps rooms in memory here (no native SQLite): a restart forgets them.'
      : 'The server keeps rooms in SQLite.';

  const show = (room, { connected, bound, error }) => {
    share.dataset.room = room;
    share.dataset.connected = String(connected);
    share.dataset.bound = String(bound);
    status.textContent = error
      ? `Not shared: ${error}`
      : `${connected ? 'Shared live' : 'Offline (changes are kept and sent on reconnect)'} · room ${room}. ${kept}`;
    status.classList.toggle('share-error', !!error);
  };

  const join = (room) => {
    const server = pickServer(urls);
    share.dataset.server = String(server.index);
    button.textContent = 'Copy link';
    import('../cartShare.js').then(({ joinRoom }) => joinRoom(room, server.url, (state) => show(room, state)));
  };

  if (urls.length === 0) {
    button.disabled = true;
    status.textContent = 'Sharing needs the demo server with its sync server (npm run dev, or npm start).';
  } else {
    const room = roomOfPage();
    if (room) join(room);
    button.addEventListener('click', () => {
      if (share.dataset.room) {
        navigator.clipboard?.writeText(location.href).catch(() => {});
        return;
      }
      const url = new URL(location.href);
      const id = newRoomId();
      url.searchParams.set('room', id);
      history.replaceState(null, '', url);
      join(id);
    });
  }
  share.dataset.ready = 'true';
}
