// How a message reaches the other tabs of the site: a BroadcastChannel, or,
// in browsers without one, localStorage's `storage` event (fired in every
// other tab of the origin when a tab writes a key).
import { pageStorage, writeItem } from '../web-storage/storage.js'

export function openTransport(name, receive, store) {
  if (typeof globalThis.BroadcastChannel === 'function') {
    let channel = new globalThis.BroadcastChannel(name)
    channel.onmessage = event => receive(event.data)
    // Node (server rendering, tests): an idle channel must not keep the
    // process alive.
    if (typeof channel.unref === 'function') channel.unref()
    return {
      post: message => channel.postMessage(message),
      close: () => channel.close()
    }
  }

  let storage = pageStorage()
  if (!storage || typeof globalThis.addEventListener !== 'function') return undefined
  let onStorage = event => {
    // newValue is null for the removeItem that follows each message.
    if (event.key !== name || !event.newValue) return
    let message
    try {
      message = JSON.parse(event.newValue)
    } catch {
      return // not ours
    }
    receive(message)
  }
  globalThis.addEventListener('storage', onStorage)
  return {
    post(message) {
      // Every message differs (it carries the sender's clock), so each write
      // fires the event; removing it at once keeps the storage clean.
      writeItem(storage, name, JSON.stringify(message), store)
      storage.removeItem(name)
    },
    close: () => globalThis.removeEventListener('storage', onStorage)
  }
}
