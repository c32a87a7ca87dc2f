// Deterministic fake setTimeout/clearTimeout. Both libraries look the globals
// up at call time, so installing these on globalThis for the length of one
// program makes onMount's STORE_UNMOUNT_DELAY and batched()'s setTimeout(0)
// run only when the program says `advance(ms)`.
export function installFakeTimers(onError) {
  let saved = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout }
  let now = 0
  let seq = 0
  let timers = new Map() // id -> { at, seq, fn }

  globalThis.setTimeout = (fn, ms = 0) => {
    let id = ++seq
    timers.set(id, { at: now + Math.max(0, Number(ms) || 0), seq: id, fn })
    // Real Node timers are objects; ids here are numbers, which both
    // libraries only pass back to clearTimeout.
    return id
  }
  globalThis.clearTimeout = id => {
    timers.delete(id)
  }

  // Runs every timer due by now + ms, earliest first (ties: creation order),
  // including timers those callbacks add if they fall due in the window.
  let advance = ms => {
    let target = now + ms
    for (;;) {
      let next
      for (let timer of timers.values()) {
        if (
          timer.at <= target &&
          (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq))
        ) {
          next = timer
        }
      }
      if (!next) break
      timers.delete(next.seq)
      now = next.at
      try {
        next.fn()
      } catch (error) {
        onError(error)
      }
    }
    now = target
  }

  let uninstall = () => {
    timers.clear()
    globalThis.setTimeout = saved.setTimeout
    globalThis.clearTimeout = saved.clearTimeout
  }

  return { advance, uninstall, pending: () => timers.size }
}
