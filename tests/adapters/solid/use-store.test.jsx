/** @jsxImportSource solid-js */
// atoll-store/solid: useStore in real Solid components and roots, in jsdom.
import { AtollError, atom, batch, computed, map, onMount, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { useStore } from 'atoll-store/solid'
import { createComputed, createRoot, For, Show } from 'solid-js'
import { render } from 'solid-js/web'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'

let container, dispose, warnings

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  dispose = undefined
  // Solid warns here about computations created outside a root, etc.
  warnings = [vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
})

afterEach(() => {
  dispose?.()
  container.remove()
  vi.useRealTimers()
  for (let spy of warnings) {
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  }
})

function mount(component) {
  dispose = render(component, container)
}

// Runs `fn` in a root and returns what it returns, keeping the disposer.
function inRoot(fn) {
  return createRoot(disposeRoot => {
    dispose = disposeRoot
    return fn()
  })
}

test('renders the current value and updates on set', () => {
  let $count = atom(1)
  function Counter() {
    let count = useStore($count)
    return <b>{count()}</b>
  }
  mount(() => <Counter />)
  expect(container.innerHTML).toBe('<b>1</b>')

  $count.set(2)
  expect(container.innerHTML).toBe('<b>2</b>')
})

test('updates on setKey of a map', () => {
  let $user = map({ name: 'Ada', city: 'London' })
  function User() {
    let user = useStore($user)
    return (
      <p>
        {user().name} from {user().city}
      </p>
    )
  }
  mount(() => <User />)
  expect(container.textContent).toBe('Ada from London')

  $user.setKey('city', 'Paris')
  expect(container.textContent).toBe('Ada from Paris')

  $user.setKey('city', undefined)
  expect(container.textContent).toBe('Ada from ')
})

test('the accessor follows the store inside a root', () => {
  let $value = atom('a')
  let value = inRoot(() => useStore($value))
  expect(value()).toBe('a')
  $value.set('b')
  expect(value()).toBe('b')
  expect($value.lc).toBe(1)
})

test('fine-grained: readers of an unchanged key do not run again', () => {
  let $cart = map({
    a: { name: 'A', quantity: 1 },
    b: { name: 'B', quantity: 1 }
  })
  let runs = { a: 0, b: 0 }
  inRoot(() => {
    let cart = useStore($cart)
    createComputed(() => {
      runs.a += 1
      cart().a.quantity
    })
    createComputed(() => {
      runs.b += 1
      cart().b.quantity
    })
  })
  expect(runs).toEqual({ a: 1, b: 1 })

  $cart.setKey('b', { name: 'B', quantity: 2 })
  expect(runs).toEqual({ a: 1, b: 2 })

  // A new object with the same content: nothing a reader sees changed.
  $cart.setKey('a', { name: 'A', quantity: 1 })
  expect(runs).toEqual({ a: 1, b: 2 })
})

test('store values are not mutated by Solid', () => {
  let initial = { item: { quantity: 1 } }
  let $cart = map(initial)
  let seen = []
  $cart.listen((value, oldValue) => seen.push(oldValue.item.quantity))
  let cart = inRoot(() => useStore($cart))
  let first = $cart.get()
  $cart.setKey('item', { quantity: 2 })
  $cart.setKey('item', { quantity: 3 })
  expect(cart().item.quantity).toBe(3)
  // Old values, the init value and the listeners' oldValue are intact.
  expect(initial).toEqual({ item: { quantity: 1 } })
  expect($cart.init).toEqual({ item: { quantity: 1 } })
  expect(first).toEqual({ item: { quantity: 1 } })
  expect(seen).toEqual([1, 2])
})

test('arrays with the reconcile key option keep row identity', () => {
  let $list = atom([
    { id: 1, title: 'one' },
    { id: 2, title: 'two' }
  ])
  let created = 0
  function List() {
    let list = useStore($list, { key: 'id' })
    return (
      <ul>
        <For each={list()}>
          {item => {
            created += 1
            return <li>{item.title}</li>
          }}
        </For>
      </ul>
    )
  }
  mount(() => <List />)
  expect(container.textContent).toBe('onetwo')
  expect(created).toBe(2)

  $list.set([
    { id: 2, title: 'two!' },
    { id: 1, title: 'one' }
  ])
  expect(container.textContent).toBe('two!one')
  // Rows were moved and patched, not created again.
  expect(created).toBe(2)
})

test('unsubscribes when the owner is disposed; the store unmounts after the delay', () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  let $value = atom('x')
  let destroyed = 0
  onMount($value, () => () => {
    destroyed += 1
  })
  function Value() {
    let value = useStore($value)
    return <i>{value()}</i>
  }
  mount(() => <Value />)
  expect($value.lc).toBe(1)

  dispose()
  dispose = undefined
  expect($value.lc).toBe(0)
  vi.advanceTimersByTime(STORE_UNMOUNT_DELAY - 1)
  expect(destroyed).toBe(0)
  vi.advanceTimersByTime(1)
  expect(destroyed).toBe(1)
})

test('a component removed by <Show> unbinds its own listener only', () => {
  let $value = atom(0)
  let $second = atom(true)
  function Value() {
    let value = useStore($value)
    return <i>{value()}</i>
  }
  function Both() {
    let second = useStore($second)
    return (
      <>
        <Value />
        <Show when={second()}>
          <Value />
        </Show>
      </>
    )
  }
  mount(() => <Both />)
  expect($value.lc).toBe(2)
  $second.set(false)
  expect($value.lc).toBe(1)
  $value.set(3)
  expect(container.textContent).toBe('3')
})

test('batch: several changes of a store, one update with the final values', () => {
  let $b = map({ x: 0, y: 0 })
  let runs = 0
  function Both() {
    let b = useStore($b)
    return (
      <p>
        {(() => {
          runs += 1
          return `${b().x} ${b().y}`
        })()}
      </p>
    )
  }
  mount(() => <Both />)
  expect(runs).toBe(1)

  batch(() => {
    $b.setKey('x', 1)
    $b.setKey('y', 1)
    $b.setKey('x', 2)
    $b.setKey('y', 2)
  })
  expect(runs).toBe(2)
  expect(container.textContent).toBe('2 2')
})

test('computed stores', () => {
  let $items = map({ a: 1, b: 2 })
  let $list = computed($items, items => Object.values(items))
  function List() {
    let list = useStore($list)
    return <p>{list().join(',')}</p>
  }
  mount(() => <List />)
  expect(container.textContent).toBe('1,2')
  $items.setKey('c', 3)
  expect(container.textContent).toBe('1,2,3')
})

// `useStore(undefined)` is what a mistyped or circular import looks like: it
// must fail at once with a message naming the call, not deep inside the framework.
test('a missing store (a mistyped import) throws an AtollError', () => {
  for (let value of [undefined, null, {}, 'cart']) {
    let error
    try {
      inRoot(() => useStore(value))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AtollError)
    expect(error.code).toBe('ATOLL_NOT_A_STORE')
    expect(error.message).toMatch(/^atoll-store: useStore\(\) expects a store, got /)
  }
  expect(() => inRoot(() => useStore(undefined))).toThrow(
    'atoll-store: useStore() expects a store, got undefined'
  )
})
