// "Share this cart": the cart of every browser that opens the same
// ?room=<id> URL, live (atoll-store/yjs over a Hocuspocus provider). Loaded
// only when the page joins a room (Yjs and the provider are not small; the
// page's own helpers are in cartRoom.js). It comes
// on top of the rest: each browser still saves the cart (localStorage, the
// cookie) and shows it in all its tabs.
//
// Joining: the room's cart replaces this browser's once the first sync with
// the server is done (bindYjs: a document that holds the cart wins); a new
// room is filled with this browser's cart. The open/closed state stays per
// device.
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { bindYjs } from 'atoll-store/yjs';
import { cartItems } from './cartStore.js';

/**
 * Joins `room` on the sync server at `url`. `onState` hears every change:
 * { connected, bound, error }.
 */
export function joinRoom(room, url, onState) {
  const doc = new Y.Doc();
  const state = { connected: false, bound: false, error: '' };
  const report = (change) => onState(Object.assign(state, change));
  let stopBinding;
  const provider = new HocuspocusProvider({
    url,
    name: `cart:${room}`,
    document: doc,
    onStatus: ({ status }) => report({ connected: status === 'connected' }),
    onSynced: () => {
      // The first sync: the room's cart is here (or the room is new).
      if (!stopBinding) stopBinding = bindYjs(cartItems, doc);
      report({ bound: true, error: '' });
    },
    // The server ends a room's connection with a reason (guardRooms: a cart
    // over the size limit, a malformed update).
    onClose: ({ event }) => {
      if (event && event.reason && event.reason !== 'provider_initiated') report({ error: event.reason });
    },
  });
  // A dropped network is noticed by the socket only after a timeout (30 s);
  // the browser knows at once. Changes made offline stay in the Y.Doc and
  // go out when the provider connects again.
  const offline = () => provider.disconnect();
  const online = () => provider.connect();
  addEventListener('offline', offline);
  addEventListener('online', online);
  return {
    doc,
    provider,
    leave() {
      removeEventListener('offline', offline);
      removeEventListener('online', online);
      if (stopBinding) stopBinding();
      provider.destroy();
    },
  };
}
