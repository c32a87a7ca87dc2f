// The room of "Share this cart" (src/cartShare.js joins it): ids, the one in
// the page's URL, and which sync server to use. Small and free of Yjs, so the
// page loads it with its scripts and Yjs only when a room is joined.
const ROOM = /^[A-Za-z0-9_-]{6,64}$/;

/** A new room id: 16 random letters and digits. */
export function newRoomId() {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** The room of this page's URL, or undefined (an id that is not one is ignored). */
export function roomOfPage() {
  const room = new URLSearchParams(location.search).get('room');
  return room && ROOM.test(room) ? room : undefined;
}

/**
 * Which sync server this browser uses: with several (Redis mode), half the
 * browsers go to each. `?sync=<n>` picks one (the tests use it).
 * @param {string[]} urls ws:// addresses or paths of this site
 */
export function pickServer(urls) {
  const asked = Number(new URLSearchParams(location.search).get('sync'));
  const index =
    Number.isInteger(asked) && asked >= 0 && asked < urls.length ? asked : Math.floor(Math.random() * urls.length);
  const url = new URL(urls[index], location.href);
  if (url.protocol === 'http:' || url.protocol === 'https:') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { index, url: url.href };
}
