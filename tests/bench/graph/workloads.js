// Graph workloads shaped like the kairo suite of js-reactivity-benchmark
// (github.com/milomg/js-reactivity-benchmark, src/kairo/*.ts and molBench.ts),
// written once against the adapter interface of adapters.js.
//
// Each `setup(b)` builds its graph on adapter `b` and returns `run(n)`: n
// operations (one operation = one call of the kairo benchmark's returned
// function), returning a checksum of what they observed: the values read and
// the values and number of runs seen by the effects. Every operation starts
// from the same state, so `run(k)` returns the same checksum on every library
// for a fresh graph; run.js checks that before timing.
//
// Differences from kairo, forced by the Nano Stores API (fixed dependencies,
// given as a list, values passed to `fn`); the alien-signals adapter follows
// them too, so all three run one graph:
// - unstable: the computed lists [head, double, inverse] and its fn uses one
//   or the other by the parity of head (in kairo it reads only that one);
// - repeated observers: the computed lists head 30 times;
// - molBench: G lists E although kairo reads E only while C is 0.

let fail = (what, got, want) => {
  throw new Error(`${what}: got ${got}, expected ${want}`)
}

function busy() {
  let a = 0
  for (let i = 0; i < 100; i++) a++
  return a
}

function fib(n) {
  return n < 2 ? 1 : fib(n - 1) + fib(n - 2)
}
let hard = n => n + fib(16)

// A chain of 50 computeds; set the head, read the tail.
function deep(b) {
  let head = b.signal(0)
  let current = head
  for (let i = 0; i < 50; i++) current = b.computed([current], x => x + 1)
  let tail = current
  let runs = 0
  let seen = 0
  b.effect(tail, v => {
    runs++
    seen += v
  })
  return n => {
    let sum = 0
    for (let op = 0; op < n; op++) {
      b.batch(() => b.set(head, 1))
      for (let i = 0; i < 50; i++) {
        b.batch(() => b.set(head, i))
        let v = b.get(tail)
        if (v !== 50 + i) fail('deep tail', v, 50 + i)
        sum += v
      }
    }
    return sum + seen + runs
  }
}

// One head, 50 pairs of computeds (head + i, then + 1), an effect on each pair.
function broad(b) {
  let head = b.signal(0)
  let last
  let runs = 0
  let seen = 0
  let count = v => {
    runs++
    seen += v
  }
  for (let i = 0; i < 50; i++) {
    let current = b.computed([head], h => h + i)
    let current2 = b.computed([current], c => c + 1)
    b.effect(current2, count)
    last = current2
  }
  return n => {
    let sum = 0
    for (let op = 0; op < n; op++) {
      b.batch(() => b.set(head, 1))
      for (let i = 0; i < 50; i++) {
        b.batch(() => b.set(head, i))
        let v = b.get(last)
        if (v !== i + 50) fail('broad last', v, i + 50)
        sum += v
      }
    }
    return sum + seen + runs
  }
}

// One head, 5 branches (head + 1), joined by a sum; an effect on the sum.
function diamond(b) {
  let width = 5
  let head = b.signal(0)
  let branches = []
  for (let i = 0; i < width; i++) branches.push(b.computed([head], h => h + 1))
  let sum = b.computed(branches, (...values) => values.reduce((x, y) => x + y, 0))
  let runs = 0
  let seen = 0
  b.effect(sum, v => {
    runs++
    seen += v
  })
  return n => {
    let total = 0
    for (let op = 0; op < n; op++) {
      b.batch(() => b.set(head, 1))
      total += b.get(sum)
      for (let i = 0; i < 500; i++) {
        b.batch(() => b.set(head, i))
        let v = b.get(sum)
        if (v !== (i + 1) * width) fail('diamond sum', v, (i + 1) * width)
        total += v
      }
    }
    return total + seen + runs
  }
}

// A chain of 10 (head and 9 computeds, each + 1) and a sum of all of them;
// the sum is read inside the batch that sets the head.
function triangle(b) {
  let width = 10
  let head = b.signal(0)
  let current = head
  let list = []
  for (let i = 0; i < width; i++) {
    list.push(current)
    current = b.computed([current], x => x + 1)
  }
  let sum = b.computed(list, (...values) => values.reduce((x, y) => x + y, 0))
  let runs = 0
  let seen = 0
  b.effect(sum, v => {
    runs++
    seen += v
  })
  let constant = (width * (width + 1)) / 2
  return n => {
    let total = 0
    for (let op = 0; op < n; op++) {
      b.batch(() => {
        b.set(head, 1)
        total += b.get(sum)
      })
      let before = runs
      for (let i = 0; i < 100; i++) {
        b.batch(() => {
          b.set(head, i)
          let v = b.get(sum)
          if (v !== constant - width + i * width) fail('triangle sum', v, constant - width + i * width)
          total += v
        })
      }
      if (runs - before !== 100) fail('triangle effect runs', runs - before, 100)
    }
    return total + seen + runs
  }
}

// 100 heads into one computed object of all of them, split again into 100
// computeds (+ 1), an effect on each; set heads one by one, read the split.
function mux(b) {
  let heads = Array.from({ length: 100 }, () => b.signal(0))
  let all = b.computed(heads, (...values) => Object.fromEntries(values.entries()))
  let split = heads.map((_, index) => b.computed([all], m => m[index])).map(x => b.computed([x], v => v + 1))
  let runs = 0
  let seen = 0
  let count = v => {
    runs++
    seen += v
  }
  for (let x of split) b.effect(x, count)
  return n => {
    let total = 0
    for (let op = 0; op < n; op++) {
      for (let i = 0; i < 10; i++) {
        b.set(heads[i], i)
        let v = b.get(split[i])
        if (v !== i + 1) fail('mux split', v, i + 1)
        total += v
      }
      for (let i = 0; i < 10; i++) {
        b.set(heads[i], i * 2)
        let v = b.get(split[i])
        if (v !== i * 2 + 1) fail('mux split', v, i * 2 + 1)
        total += v
      }
    }
    return total + seen + runs
  }
}

// A computed that uses double or inverse by the parity of head, 20 times.
function unstable(b) {
  let head = b.signal(0)
  let double = b.computed([head], h => h * 2)
  let inverse = b.computed([head], h => -h)
  let current = b.computed([head, double, inverse], (h, d, inv) => {
    let result = 0
    for (let i = 0; i < 20; i++) result += h % 2 ? d : inv
    return result
  })
  let runs = 0
  let seen = 0
  b.effect(current, v => {
    runs++
    seen += v
  })
  return n => {
    let total = 0
    for (let op = 0; op < n; op++) {
      b.batch(() => b.set(head, 1))
      let v = b.get(current)
      if (v !== 40) fail('unstable', v, 40)
      total += v
      for (let i = 0; i < 100; i++) b.batch(() => b.set(head, i))
    }
    return total + seen + runs
  }
}

// computed2 always returns 0: nothing below it may run again (busy() marks
// the heavy work kairo puts there). Runs of computed3 and of the effect are
// counted and must stay 0.
function avoidable(b) {
  let head = b.signal(0)
  let c1 = b.computed([head], h => h)
  let c2 = b.computed([c1], () => 0)
  let c3runs = 0
  let c3 = b.computed([c2], v => {
    c3runs++
    return busy() + v + 1 - 100
  })
  let c4 = b.computed([c3], v => v + 2)
  let c5 = b.computed([c4], v => v + 3)
  let runs = 0
  b.effect(c5, () => {
    busy()
    runs++
  })
  return n => {
    let total = 0
    let c3before = c3runs
    let before = runs
    for (let op = 0; op < n; op++) {
      b.set(head, 1)
      total += b.get(c5)
      for (let i = 0; i < 1000; i++) {
        b.batch(() => {
          b.set(head, i)
          let v = b.get(c5)
          if (v !== 6) fail('avoidable c5', v, 6)
          total += v
        })
      }
    }
    if (c3runs !== c3before) fail('avoidable: computed3 re-ran', c3runs - c3before, 0)
    if (runs !== before) fail('avoidable: effect re-ran', runs - before, 0)
    return total + c3runs + runs
  }
}

// One head read 30 times by one computed.
function repeated(b) {
  let size = 30
  let head = b.signal(0)
  let current = b.computed(new Array(size).fill(head), (...values) => {
    let result = 0
    for (let i = 0; i < size; i++) result += values[i]
    return result
  })
  let runs = 0
  let seen = 0
  b.effect(current, v => {
    runs++
    seen += v
  })
  return n => {
    let total = 0
    for (let op = 0; op < n; op++) {
      b.batch(() => b.set(head, 1))
      total += b.get(current)
      for (let i = 0; i < 100; i++) {
        b.batch(() => b.set(head, i))
        let v = b.get(current)
        if (v !== i * size) fail('repeated', v, i * size)
        total += v
      }
    }
    return total + seen + runs
  }
}

// molBench (js-reactivity-benchmark src/molBench.ts); one op = one iteration
// of its loop: two batches writing A and B.
function mol(b) {
  let numbers = [0, 1, 2, 3, 4]
  let res = []
  let A = b.signal(0)
  let B = b.signal(0)
  let C = b.computed([A, B], (a, bb) => (a % 2) + (bb % 2))
  let D = b.computed([A, B], (a, bb) => numbers.map(i => ({ x: i + (a % 2) - (bb % 2) })))
  let E = b.computed([C, A, D], (c, a, d) => hard(c + a + d[0].x))
  let F = b.computed([D, B], (d, bb) => hard(d[2].x || bb))
  let G = b.computed([C, E, D, F], (c, e, d, f) => c + (c || e % 2) + d[4].x + f)
  b.effect(G, g => res.push(hard(g)))
  b.effect(G, g => res.push(g))
  b.effect(F, f => res.push(hard(f)))
  let i = 0
  return n => {
    let total = 0
    for (let op = 0; op < n; op++, i++) {
      res.length = 0
      b.batch(() => {
        b.set(B, 1)
        b.set(A, 1 + i * 2)
      })
      b.batch(() => {
        b.set(A, 2 + i * 2)
        b.set(B, 2)
      })
      total += res.length * 1e6
      for (let r of res) total += r
    }
    return total
  }
}

// Creation. Not in the geometric mean: alien-signals creates a computed
// without running it, and neither Nano Stores API creates anything in a
// listener-less computed until it is read.
export let kept // the last op's stores, so creating them cannot be optimized away

function createAtoms(b) {
  return n => {
    let total = 0
    for (let op = 0; op < n; op++) {
      let atoms = new Array(10000)
      for (let i = 0; i < 10000; i++) atoms[i] = b.signal(i)
      kept = atoms
      total += atoms.length
    }
    return total
  }
}

function createComputeds(b) {
  let add = x => x + 1
  return n => {
    let total = 0
    for (let op = 0; op < n; op++) {
      let stores = new Array(20000)
      for (let i = 0; i < 10000; i++) {
        let a = b.signal(i)
        stores[2 * i] = a
        stores[2 * i + 1] = b.computed([a], add)
      }
      kept = stores
      total += stores.length
    }
    return total
  }
}

export const workloads = [
  { name: 'deep propagation (50 chain)', kairo: true, setup: deep },
  { name: 'broad propagation (50 x 2 + effect)', kairo: true, setup: broad },
  { name: 'diamond (5 branches)', kairo: true, setup: diamond },
  { name: 'triangle (10)', kairo: true, setup: triangle },
  { name: 'mux (100 in, 100 out)', kairo: true, setup: mux },
  { name: 'unstable (fixed deps)', kairo: true, setup: unstable },
  { name: 'avoidable propagation', kairo: true, setup: avoidable },
  { name: 'repeated observers (30)', kairo: true, setup: repeated },
  { name: 'molBench', kairo: true, setup: mol },
  { name: 'create 10k atoms', kairo: false, async: true, setup: createAtoms },
  { name: 'create 10k atoms + 10k computeds', kairo: false, async: true, setup: createComputeds }
]
