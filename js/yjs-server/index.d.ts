export interface GuardRoomsOptions {
  /** The most bytes a room's document may hold (encoded). Default 1 MiB. */
  maxDocumentBytes?: number
  /** Where refusals are reported. Default console.warn; false for silence. */
  log?: ((message: string) => void) | false
}

/**
 * Close code for a message whose Yjs update does not parse (reason starts
 * with "malformed update:"). Hocuspocus closes only that room's connection,
 * and its CLOSE message carries the reason, not the code: providers see
 * `onClose` with code 1000 and this reason.
 */
export const MALFORMED_UPDATE: 4400
/** Close code for an update that would take a room over maxDocumentBytes (reason starts with "document too large:"). */
export const DOCUMENT_TOO_LARGE: 4413

/**
 * A Hocuspocus extension (put it in `extensions`): refuses, before they reach
 * the room, messages whose Yjs update is malformed and updates that would
 * take the room over `maxDocumentBytes`. The sender's connection is closed
 * (for that room) with a reason that says what was wrong.
 */
export function guardRooms(options?: GuardRoomsOptions): {
  extensionName: string
  beforeHandleMessage(payload: {
    update: Uint8Array
    document: unknown
    documentName: string
    socketId: string
  }): Promise<void>
}
