// Atoll-only: bindYjs() over a real Hocuspocus server (started here, on a
// free port of 127.0.0.1), with two Node clients as two devices; the SQLite
// extension keeps a room across a restart; guardRooms() refuses bad input.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { map } from 'atoll-store'
import { bindYjs } from 'atoll-store/yjs'
import { guardRooms } from 'atoll-store/yjs-server'
import { connect, startServer } from './fixtures/hocuspocus.js'
import { sleep, until } from './fixtures/sync-browser.js'

let line = (id, quantity) => ({ id, name: `Item ${id}`, price: 10, quantity })

function tempDir(t) {
  let dir = mkdtempSync(join(tmpdir(), 'atoll-yjs-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

// A device with a cart bound to `room`.
async function device(t, url, room) {
  let client = await connect(url, room)
  let cart = map({})
  let stop = bindYjs(cart, client.doc, { name: 'cart/items' })
  t.after(() => {
    stop()
    client.close()
  })
  return { ...client, cart }
}

test('two devices on a Hocuspocus server share a cart, both ways', async t => {
  let server = await startServer()
  t.after(() => server.stop())
  let phone = await device(t, server.url, 'room-both-ways')
  let laptop = await device(t, server.url, 'room-both-ways')
  phone.cart.setKey('lamp', line('lamp', 1))
  await until(() => laptop.cart.get().lamp, 'the laptop to see the lamp')
  laptop.cart.setKey('mug', line('mug', 2))
  await until(() => phone.cart.get().mug, 'the phone to see the mug')
  // At the same moment, different lines: both keep both.
  phone.cart.setKey('rug', line('rug', 1))
  laptop.cart.setKey('cup', line('cup', 4))
  let expected = { lamp: line('lamp', 1), mug: line('mug', 2), rug: line('rug', 1), cup: line('cup', 4) }
  let same = cart =>
    JSON.stringify(Object.entries(cart).sort()) === JSON.stringify(Object.entries(expected).sort())
  await until(() => same(phone.cart.get()) && same(laptop.cart.get()), 'both devices to hold all four lines')
  // A third device that joins later gets the room's cart.
  let tablet = await device(t, server.url, 'room-both-ways')
  assert.ok(same(tablet.cart.get()))
})

test('SQLite keeps a room across a server restart', async t => {
  let database = join(tempDir(t), 'rooms.sqlite')
  let first = await startServer({ extensions: [new SQLite({ database })] })
  let phone = await device(t, first.url, 'room-restart')
  phone.cart.setKey('lamp', line('lamp', 3))
  await until(() => !phone.provider.hasUnsyncedChanges, 'the server to have the change')
  await first.stop() // stores every room it holds before it stops
  let second = await startServer({ extensions: [new SQLite({ database })] })
  t.after(() => second.stop())
  let laptop = await device(t, second.url, 'room-restart')
  assert.deepEqual(laptop.cart.get(), { lamp: line('lamp', 3) })
})

// A raw client: Hocuspocus messages written by hand, as a foreign or broken
// client would. Frames: room name, message type, then the type's fields.
let varUint = n => {
  let bytes = []
  for (; n >= 0x80; n = Math.floor(n / 128)) bytes.push((n & 0x7f) | 0x80)
  bytes.push(n)
  return bytes
}
let varBytes = bytes => [...varUint(bytes.length), ...bytes]
let varString = text => varBytes([...new TextEncoder().encode(text)])
let authMessage = room => new Uint8Array([...varString(room), 2, 0, ...varString('')])
let updateMessage = (room, update) => new Uint8Array([...varString(room), 0, 2, ...varBytes([...update])])

// Hocuspocus ends one room's connection (the socket may carry several) with
// a CLOSE message: room name, type 7, reason. `closed` resolves to the reason.
async function rawClient(t, url) {
  let socket = new WebSocket(url)
  socket.binaryType = 'arraybuffer'
  let closed = new Promise(resolve =>
    socket.addEventListener('message', ({ data }) => {
      let bytes = new Uint8Array(data)
      let nameLength = bytes[0] // room names here are short: one length byte
      if (bytes[1 + nameLength] !== 7) return
      resolve(new TextDecoder().decode(bytes.subarray(3 + nameLength)))
    })
  )
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve)
    socket.addEventListener('error', reject)
  })
  t.after(() => socket.close())
  return { socket, closed }
}

// An update that writes `entries` into the Y.Map 'cart/items' of a new doc.
let updateWriting = entries => {
  let doc = new Y.Doc()
  doc.transact(() => {
    for (let [key, value] of Object.entries(entries)) doc.getMap('cart/items').set(key, value)
  })
  return Y.encodeStateAsUpdate(doc)
}

test('guardRooms: a malformed update closes its sender and leaves the room as it was', async t => {
  let logged = []
  let server = await startServer({ extensions: [guardRooms({ log: text => logged.push(text) })] })
  t.after(() => server.stop())
  let phone = await device(t, server.url, 'room-malformed')
  phone.cart.setKey('lamp', line('lamp', 1))
  await until(() => !phone.provider.hasUnsyncedChanges, 'the server to have the lamp')
  let before = await roomState(server, 'room-malformed')

  let raw = await rawClient(t, server.url)
  raw.socket.send(authMessage('room-malformed'))
  await sleep(50)
  let update = updateWriting({ mug: JSON.stringify(line('mug', 1)) })
  raw.socket.send(updateMessage('room-malformed', update.subarray(0, update.length - 3)))
  assert.match(await raw.closed, /^malformed update: /)
  assert.match(logged[0], /refused a message for room "room-malformed".*malformed update/)
  assert.deepEqual(await roomState(server, 'room-malformed'), before)
  // The room still works for everyone else.
  let laptop = await device(t, server.url, 'room-malformed')
  assert.deepEqual(laptop.cart.get(), { lamp: line('lamp', 1) })
})

test("a client's update addressed to another room it has not joined is never applied", async t => {
  let server = await startServer({
    extensions: [
      guardRooms({ log: false }),
      // The hook to add before going public: here, a token per room.
      {
        async onAuthenticate({ token, documentName }) {
          if (token !== `token-for:${documentName}`) throw new Error('not your room')
        }
      }
    ]
  })
  t.after(() => server.stop())
  await assert.rejects(
    connect(server.url, 'room-mine'),
    /refused/,
    'a client without the token is not let in'
  )
  let owner = await connect(server.url, 'room-theirs', { token: 'token-for:room-theirs' })
  t.after(() => owner.close())
  let theirs = map({})
  bindYjs(theirs, owner.doc, { name: 'cart/items' })
  theirs.setKey('lamp', line('lamp', 1))
  await until(() => !owner.provider.hasUnsyncedChanges, 'the server to have the lamp')
  let before = await roomState(server, 'room-theirs')

  let raw = await rawClient(t, server.url)
  raw.socket.send(authMessage('room-mine')) // an empty token: refused
  raw.socket.send(updateMessage('room-theirs', updateWriting({ lamp: '"stolen"', rug: '{}' })))
  await sleep(200)
  assert.deepEqual(await roomState(server, 'room-theirs'), before)
  assert.deepEqual(theirs.get(), { lamp: line('lamp', 1) })
})

test('guardRooms: an update that would make the room too large is refused with a clear reason', async t => {
  let server = await startServer({ extensions: [guardRooms({ maxDocumentBytes: 4096, log: false })] })
  t.after(() => server.stop())
  let phone = await device(t, server.url, 'room-large')
  let laptop = await device(t, server.url, 'room-large') // keeps the room open
  phone.cart.setKey('lamp', line('lamp', 1))
  await until(() => laptop.cart.get().lamp, 'the laptop to have the lamp')
  let before = await roomState(server, 'room-large')
  let close = new Promise(resolve => phone.provider.on('close', ({ event }) => resolve(event)))
  phone.cart.setKey('note', { text: 'x'.repeat(5000) })
  // Hocuspocus sends the reason (its per-room close has no code).
  let event = await close
  assert.match(
    event.reason,
    /^document too large: the room would hold up to \d+ bytes, over its limit of 4096$/
  )
  assert.deepEqual(await roomState(server, 'room-large'), before)
  await sleep(100)
  assert.deepEqual(laptop.cart.get(), { lamp: line('lamp', 1) }, 'the other device never saw the note')
  assert.throws(() => guardRooms({ maxDocumentBytes: -1 }), { name: 'AtollError', code: 'ATOLL_BAD_OPTION' })
})

// The room's content as the server holds it (JSON of its Y.Map).
async function roomState(server, room) {
  let connection = await server.server.hocuspocus.openDirectConnection(room)
  let state = connection.document.getMap('cart/items').toJSON()
  await connection.disconnect()
  return state
}
