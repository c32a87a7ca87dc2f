// guardRooms(): a Hocuspocus extension that keeps bad input out of a room.
//
// Hocuspocus applies what a client sends to the room's Y.Doc. A client can
// be anything that speaks the protocol, so before a message is applied:
// - its Yjs update must parse whole (a malformed one is refused before any
//   of it reaches the document: Yjs could otherwise integrate part of it);
// - the room must stay under `maxDocumentBytes` with it (the room's encoded
//   state plus the update, an upper bound of the state after it).
// A refused message closes that client's connection with a code in the
// application range and a reason that says what was wrong; the room, and
// every other client, is untouched. Messages addressed to another room than
// the one a connection joined are never applied by Hocuspocus itself (it
// queues them until that room is joined, which its onAuthenticate decides).
import * as Y from 'yjs'
import { AtollError } from '../runtime/errors.js'
import { updateOf } from './messages.js'

export const MALFORMED_UPDATE = 4400
export const DOCUMENT_TOO_LARGE = 4413

const DEFAULT_MAX_DOCUMENT_BYTES = 1024 * 1024

// Hocuspocus closes the connection with the `code` and `reason` of what the
// hook throws. WebSocket close reasons are at most 123 bytes.
class Refused extends Error {
  constructor(code, reason) {
    super(reason)
    this.code = code
    this.reason = reason.length > 120 ? reason.slice(0, 119) + '…' : reason
  }
}

export function guardRooms(options = {}) {
  let max = options.maxDocumentBytes === undefined ? DEFAULT_MAX_DOCUMENT_BYTES : options.maxDocumentBytes
  if (!Number.isSafeInteger(max) || max <= 0) {
    throw new AtollError(
      'ATOLL_BAD_OPTION',
      `guardRooms() expects maxDocumentBytes to be a positive whole number of bytes, got ${String(max)}`
    )
  }
  let log = options.log === undefined ? console.warn : options.log
  let refuse = (code, reason, documentName, socketId) => {
    if (log)
      log(
        `atoll-store: refused a message for room ${JSON.stringify(documentName)} from ${socketId}: ${reason}`
      )
    throw new Refused(code, reason)
  }
  return {
    extensionName: 'atoll-store guardRooms',
    async beforeHandleMessage({ update: message, document, documentName, socketId }) {
      let update
      try {
        update = updateOf(message)
        if (update) Y.decodeUpdate(update)
      } catch (error) {
        refuse(MALFORMED_UPDATE, `malformed update: ${error.message}`, documentName, socketId)
      }
      if (!update) return
      let size = Y.encodeStateAsUpdate(document).byteLength + update.byteLength
      if (size > max) {
        refuse(
          DOCUMENT_TOO_LARGE,
          `document too large: the room would hold up to ${size} bytes, over its limit of ${max}`,
          documentName,
          socketId
        )
      }
    }
  }
}
