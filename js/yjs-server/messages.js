// Reading the head of a Hocuspocus message (the y-protocols sync message
// inside it), enough to find the Yjs update a client sends. Hocuspocus
// frames every message as: document name (varString), message type
// (varUint), then for sync messages the sync step (varUint) and the update
// (varUint8Array). Written here rather than taken from lib0, which is not a
// dependency of this package.
const SYNC = 0
const SYNC_REPLY = 4
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

// Thrown for bytes that end early or do not hold what the frame says.
class Truncated extends Error {}

function reader(bytes) {
  let pos = 0
  let byte = () => {
    if (pos >= bytes.length) throw new Truncated('the message ends early')
    return bytes[pos++]
  }
  let varUint = () => {
    let value = 0
    for (let shift = 0; ; shift += 7) {
      if (shift > 49) throw new Truncated('a number in the message is too long')
      let b = byte()
      value += (b & 0x7f) * 2 ** shift
      if (b < 0x80) return value
    }
  }
  let varBytes = () => {
    let length = varUint()
    if (pos + length > bytes.length) throw new Truncated('the message ends early')
    let part = bytes.subarray(pos, pos + length)
    pos += length
    return part
  }
  return { varUint, varBytes, skipString: varBytes }
}

// The Yjs update a message carries (sync step 2 or an update), or undefined
// for every other message (awareness, sync step 1, auth, ...). Throws for a
// message whose frame is broken.
export function updateOf(message) {
  let read = reader(message)
  read.skipString() // the document name (Hocuspocus routes by it)
  let type = read.varUint()
  if (type !== SYNC && type !== SYNC_REPLY) return undefined
  let step = read.varUint()
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return undefined
  return read.varBytes()
}
