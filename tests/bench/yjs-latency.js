// Convergence latency of a cart shared through atoll-store/yjs: `npm run
// bench:yjs` (node tests/bench/yjs-latency.js [clients...], default 2 10 50).
//
// A real Hocuspocus server runs in a child process (its own event loop, as
// on a server machine: `child` mode of this file). This process holds N
// simulated devices: each a Y.Doc, a HocuspocusProvider over WebSocket to
// 127.0.0.1 and a map store bound with bindYjs, all in one room. Each round,
// one device (in turn) sets a cart line; the round's latency is the time
// until that line is in the store of every other device (the last one to
// get it). Rounds run one after another, after a warm-up. One clock: every
// device is in this process.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

import { printTable } from './graph/table.js'

const SELF = fileURLToPath(import.meta.url)
const ROUNDS = 60
const WARMUP = 10

if (process.argv[2] === 'child') {
  // The server, with rooms in a SQLite file as deployed (a change is stored
  // after the debounce; the latency path does not wait for it).
  let { mkdtempSync, rmSync } = await import('node:fs')
  let { tmpdir } = await import('node:os')
  let { join } = await import('node:path')
  let dir = mkdtempSync(join(tmpdir(), 'atoll-bench-yjs-'))
  let { startServer } = await import('../js/fixtures/hocuspocus.js')
  let { SQLite } = await import('@hocuspocus/extension-sqlite')
  let { guardRooms } = await import('atoll-store/yjs-server')
  let server = await startServer({
    extensions: [guardRooms({ log: false }), new SQLite({ database: join(dir, 'rooms.sqlite') })],
    debounce: 200,
    maxDebounce: 2000
  })
  process.send({ url: server.url })
  process.on('disconnect', async () => {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  })
} else {
  await main()
}

async function main() {
  let { map } = await import('atoll-store')
  let { bindYjs } = await import('atoll-store/yjs')
  let { connect } = await import('../js/fixtures/hocuspocus.js')
  let counts = process.argv
    .slice(2)
    .map(Number)
    .filter(n => n >= 2)
  if (!counts.length) counts = [2, 10, 50]

  let rows = [['clients', 'rounds', 'median ms', 'p95 ms', 'max ms']]
  for (let clients of counts) {
    let child = fork(SELF, ['child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let { url } = await new Promise(resolve => child.once('message', resolve))
    let room = `bench-${clients}-${Date.now()}`
    let devices = []
    for (let i = 0; i < clients; i++) {
      let client = await connect(url, room)
      let cart = map({})
      let stop = bindYjs(cart, client.doc, { name: 'cart/items' })
      devices.push({ ...client, cart, stop })
    }
    let latencies = []
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      let writer = devices[round % clients]
      let key = `line-${round}`
      let others = devices.filter(device => device !== writer)
      let arrived = Promise.all(
        others.map(
          device =>
            new Promise(resolve => {
              let unbind = device.cart.listen(value => {
                if (Object.hasOwn(value, key)) {
                  unbind()
                  resolve(performance.now())
                }
              })
            })
        )
      )
      let sent = performance.now()
      writer.cart.setKey(key, { id: key, name: `Item ${round}`, price: 10, quantity: 1 })
      let last = Math.max(...(await arrived))
      if (round >= WARMUP) latencies.push(last - sent)
    }
    for (let device of devices) {
      device.stop()
      device.close()
    }
    child.disconnect()
    await new Promise(resolve => child.once('exit', resolve))
    let sorted = latencies.sort((a, b) => a - b)
    let at = p => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]
    rows.push([
      String(clients),
      String(ROUNDS),
      at(0.5).toFixed(1),
      at(0.95).toFixed(1),
      sorted.at(-1).toFixed(1)
    ])
  }
  console.log('Convergence latency: one device sets a cart line, until every other device has it')
  console.log('(Hocuspocus server in a child process, Node providers over WebSocket on 127.0.0.1)\n')
  printTable(rows)
}
