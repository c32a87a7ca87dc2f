// Vue 3.5 adapter: Atoll stores as Vue refs.
//
// Stores live outside Vue, so the bridge is one store listener per ref that
// writes the new value into a shallowRef. The listener belongs to the effect
// scope that created it (a component's setup, or an effectScope), so it ends
// when that scope is disposed and the store can unmount.

import {
  computed,
  getCurrentInstance,
  getCurrentScope,
  hasInjectionContext,
  inject,
  onMounted,
  onScopeDispose,
  shallowReadonly,
  shallowRef,
  ssrContextKey
} from 'vue'

import { hydrationValue } from '../hydration/rendered.js'
import { assertStore } from '../runtime/errors.js'

// Read at each call, like @nanostores/vue, so bundlers can replace
// `process.env.NODE_ENV` with a string. @nanostores/vue reads it unguarded;
// here a browser without a bundler (no `process`) falls into the catch and
// gets the development build. Not `typeof process !== 'undefined'`: bundlers
// leave that as it is, so bundled browser code would never see 'production'.
function isProduction() {
  try {
    return process.env.NODE_ENV === 'production'
  } catch {
    return false
  }
}

// True while vue/server-renderer renders this component (renderToString provides
// the SSR context). A server render runs setup once and never unmounts, so a
// subscription made there would never be released.
function isServerRender() {
  if (typeof window === 'undefined') return true
  return hasInjectionContext() && inject(ssrContextKey, null) != null
}

export function useStore(store) {
  // A mistyped import gives `undefined`: say so here, not inside Vue.
  assertStore(store, 'useStore')
  // shallowRef: the store hands out a new value on every change, so Vue has no
  // need to make it deeply reactive, and ref.value === store.get() (identity kept).
  const state = shallowRef()

  if (isServerRender()) {
    state.value = store.get()
  } else {
    // In the setup of a component that hydrates server-rendered HTML, Vue has
    // given the component's vnode the DOM node it adopts (vnode.el: that `el`
    // is what makes Vue hydrate rather than render; a component rendered from
    // scratch gets its `el` after setup). If persist() or syncTabs() changed
    // the store after the page loaded, the HTML shows the value from before
    // (hydration/rendered.js): hydrate with that one, and take the live
    // value in one update once mounted.
    const instance = getCurrentInstance()
    const first = instance && !instance.isMounted && instance.vnode.el && hydrationValue(store)
    let live = !first
    // subscribe() calls us at once with the current value, then on each change.
    const unbind = store.subscribe(value => {
      if (live) state.value = value
    })
    if (first) {
      state.value = first.current
      onMounted(() => {
        live = true
        state.value = store.get()
      })
    }
    // Outside any scope there is nothing to tie the listener to: it then lives
    // as long as the page, like a listen() call in a plain script.
    if (getCurrentScope()) onScopeDispose(unbind)
  }

  // In development the ref is read-only, so a write meant for the store
  // (`ref.value = x` instead of store.set(x)) gets a Vue warning. shallowReadonly
  // (not readonly) so that objects in the value are not wrapped. Production
  // builds skip the wrapper and return the plain ref, as @nanostores/vue does.
  return isProduction() ? state : shallowReadonly(state)
}

// A writable ref for `v-model` on one key of a map store (or on the whole store
// when no key is given). Reads follow the store, writes call setKey / set, so
// every other island sees the input's value. With an array of keys, an object
// of such refs named `<key>Model` (or `<key><opts.prefix>`), as in
// @nanostores/vue, so `const { nameModel } = useVModel(user, ['name'])`; all of
// them share one store listener.
export function useVModel(store, keys, opts) {
  const state = useStore(store)
  // @nanostores/vue calls the suffix `prefix`; '' falls back to 'Model' there too.
  const suffix = (opts && opts.prefix) || 'Model'
  const keyRef = key =>
    computed({
      get: () => state.value[key],
      set: value => store.setKey(key, value)
    })
  if (Array.isArray(keys)) {
    const refs = {}
    for (const key of keys) refs[key + suffix] = keyRef(key)
    return refs
  }
  // No key (undefined or null): the whole store.
  if (keys == null) {
    return computed({
      get: () => state.value,
      set: value => store.set(value)
    })
  }
  return keyRef(keys)
}

// For the options API: `setup: () => mapStores({ cart, user })` makes `cart` and
// `user` available as `this.cart` / `{{ cart }}`. Each property is a getter over
// a useStore() ref: reading it is tracked by Vue, values are not wrapped in
// proxies, and there is no setter (the stores themselves are the way to write).
export function mapStores(stores) {
  const values = {}
  for (const [name, store] of Object.entries(stores)) {
    const ref = useStore(store)
    Object.defineProperty(values, name, {
      enumerable: true,
      get: () => ref.value
    })
  }
  return values
}
