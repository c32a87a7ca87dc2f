// useStore's behaviour that React and Preact share, written once and run by
// each adapter's use-store.test.jsx with its own framework. No JSX pragma:
// each vitest project compiles this file with its framework's JSX runtime
// (see vitest.jsx.config.mjs), so `<b>` here is a React or a Preact element.
//
// env: what the calling test file provides.
//   useStore          the adapter's hook
//   useLayoutEffect   the framework's
//   render(element)   renders into the test's container inside act();
//                     render(null) unmounts
//   act(fn)           the framework's act()
//   container()       the test's container element
//   strict(element)   wraps an element the way the framework checks more
//                     strictly (React: <StrictMode>); identity if none
import { AtollError, atom, batch, computed, map, onMount, STORE_UNMOUNT_DELAY } from 'atoll-store'
import { expect, test, vi } from 'vitest'

export function useStoreContract({ useStore, useLayoutEffect, render, act, container, strict = e => e }) {
  test('renders the current value and updates on set', () => {
    let $count = atom(1)
    function Counter() {
      return <b>{useStore($count)}</b>
    }
    render(<Counter />)
    expect(container().innerHTML).toBe('<b>1</b>')

    act(() => $count.set(2))
    expect(container().innerHTML).toBe('<b>2</b>')
  })

  test('updates on setKey of a map', () => {
    let $user = map({ name: 'Ada', city: 'London' })
    function User() {
      let user = useStore($user)
      return (
        <p>
          {user.name} from {user.city}
        </p>
      )
    }
    render(<User />)
    expect(container().textContent).toBe('Ada from London')

    act(() => $user.setKey('city', 'Paris'))
    expect(container().textContent).toBe('Ada from Paris')
  })

  test('keys: re-renders only when a watched key changes', () => {
    let $cart = map({ count: 0, note: 'a' })
    let renders = 0
    function Count() {
      renders += 1
      let cart = useStore($cart, { keys: ['count'] })
      return <p>{cart.count}</p>
    }
    render(<Count />)
    expect(renders).toBe(1)

    act(() => $cart.setKey('note', 'b'))
    expect(renders).toBe(1)

    act(() => $cart.setKey('count', 1))
    expect(renders).toBe(2)
    expect(container().textContent).toBe('1')

    // set() of a whole map: listenKeys compares the watched keys.
    act(() => $cart.set({ count: 1, note: 'd' }))
    expect(renders).toBe(2)
    act(() => $cart.set({ count: 2, note: 'd' }))
    expect(renders).toBe(3)
    expect(container().textContent).toBe('2')
  })

  test('keys given inline do not re-subscribe on every render', () => {
    let $cart = map({ count: 0 })
    let $other = atom(0)
    function Count() {
      useStore($other)
      let cart = useStore($cart, { keys: ['count'] })
      return <p>{cart.count}</p>
    }
    render(<Count />)
    let listen = vi.spyOn($cart, 'listen')
    act(() => $other.set(1))
    act(() => $other.set(2))
    expect(listen).not.toHaveBeenCalled()
    act(() => $cart.setKey('count', 5))
    expect(container().textContent).toBe('5')
  })

  test('unsubscribes on unmount and the store unmounts after the delay', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let $value = atom('x')
    let destroyed = 0
    onMount($value, () => () => {
      destroyed += 1
    })
    function Value() {
      return <i>{useStore($value)}</i>
    }
    render(<Value />)
    expect($value.lc).toBe(1)

    render(null)
    expect($value.lc).toBe(0)
    vi.advanceTimersByTime(STORE_UNMOUNT_DELAY - 1)
    expect(destroyed).toBe(0)
    vi.advanceTimersByTime(1)
    expect(destroyed).toBe(1)
  })

  test('two components on one store: each unbinds its own listener', () => {
    let $value = atom(0)
    function Value() {
      return <i>{useStore($value)}</i>
    }
    function Both({ second }) {
      return (
        <>
          <Value />
          {second && <Value />}
        </>
      )
    }
    render(<Both second />)
    expect($value.lc).toBe(2)
    render(<Both second={false} />)
    expect($value.lc).toBe(1)
    act(() => $value.set(3))
    expect(container().textContent).toBe('3')
  })

  test('batch: several changes, one re-render with the final values', () => {
    let $a = atom(0)
    let $b = map({ x: 0, y: 0 })
    let renders = 0
    function Both() {
      renders += 1
      let a = useStore($a)
      let b = useStore($b)
      return <p>{`${a} ${b.x} ${b.y}`}</p>
    }
    render(<Both />)
    expect(renders).toBe(1)

    act(() => {
      batch(() => {
        $a.set(1)
        $b.setKey('x', 1)
        $a.set(2)
        $b.setKey('y', 2)
      })
    })
    expect(renders).toBe(2)
    expect(container().textContent).toBe('2 1 2')
  })

  test('a change between render and subscribe is not lost', () => {
    let $value = atom('before')
    function Value() {
      return <i>{useStore($value)}</i>
    }
    function Writer() {
      // Layout effects run before the (passive) effect where useStore
      // subscribes: this write lands after Value rendered and before it listens.
      useLayoutEffect(() => {
        $value.set('after')
      }, [])
      return null
    }
    render(
      <>
        <Value />
        <Writer />
      </>
    )
    expect(container().textContent).toBe('after')
  })

  test('computed stores render without a snapshot warning or loop', () => {
    let $items = map({ a: 1, b: 2 })
    // Returns a new array on every computation.
    let $list = computed($items, items => Object.values(items))
    let renders = 0
    function List() {
      renders += 1
      return <p>{useStore($list).join(',')}</p>
    }
    render(strict(<List />))
    expect(container().textContent).toBe('1,2')
    let before = renders
    act(() => $items.setKey('c', 3))
    expect(container().textContent).toBe('1,2,3')
    // React's StrictMode renders twice per update: no more than that.
    expect(renders - before).toBeLessThanOrEqual(2)
  })

  test('switching to another store follows the new store', () => {
    let $first = atom('first')
    let $second = atom('second')
    function Value({ store }) {
      return <i>{useStore(store)}</i>
    }
    render(<Value store={$first} />)
    render(<Value store={$second} />)
    expect(container().textContent).toBe('second')
    expect($first.lc).toBe(0)
    expect($second.lc).toBe(1)
    act(() => $second.set('changed'))
    expect(container().textContent).toBe('changed')
  })

  // `useStore(undefined)` is what a mistyped or circular import looks like: it
  // must fail at once with a message naming the call, not deep inside the framework.
  test('a missing store (a mistyped import) throws an AtollError', () => {
    for (let value of [undefined, null, {}, 'cart']) {
      let error
      try {
        useStore(value)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(AtollError)
      expect(error.code).toBe('ATOLL_NOT_A_STORE')
      expect(error.message).toMatch(/^atoll-store: useStore\(\) expects a store, got /)
    }
    expect(() => useStore(undefined)).toThrow('atoll-store: useStore() expects a store, got undefined')
  })
}
