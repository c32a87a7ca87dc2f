// Tracks running async work so server rendering and tests can await it.
let running = 0
let generation = 0 // bumped by cleanTasks(): tasks started before it are forgotten
let waiting = []

let settle = () => {
  let resolves = waiting
  waiting = []
  for (let resolve of resolves) resolve()
}

export function startTask() {
  let startedIn = generation
  running += 1
  let ended = false
  return () => {
    if (ended || startedIn !== generation) return
    ended = true
    running -= 1
    if (running === 0) settle()
  }
}

export function task(cb) {
  let endTask = startTask()
  let promise
  try {
    promise = Promise.resolve(cb()).finally(endTask)
  } catch (error) {
    endTask()
    throw error
  }
  promise.t = true // lets computed() recognise a task's promise
  return promise
}

export let allTasks = () =>
  running === 0 ? Promise.resolve() : new Promise(resolve => waiting.push(resolve))

export function cleanTasks() {
  generation += 1
  running = 0
  settle()
}
