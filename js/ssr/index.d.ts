import type { MapStore, StoreValue, WritableAtom } from '../index.js'

/**
 * Runs `fn` in a fresh, empty request scope and returns what it returns (a
 * promise stays in the scope through every await). Use it where there is no
 * Astro middleware: a custom server, a test, a worker.
 *
 * Inside a scope every write (`set`, `setKey` of a map or deepMap) to any
 * store is the scope's own: the store's shared value never changes, other
 * scopes never see it, and no listener is called (`onSet` handlers run).
 * Only stores given to `setServerState()` are handed to the page.
 */
export function runWithState<Result>(fn: () => Result): Result

/**
 * Astro middleware: renders (and streams) each request in its own scope, so
 * every store write the page makes is that request's own (see runWithState).
 *
 * ```js
 * // src/middleware.js
 * export { atollMiddleware as onRequest } from 'atoll-store/ssr'
 * ```
 */
export function atollMiddleware<Result>(context: unknown, next: () => Result): Result

/**
 * Gives a named store this request's value. Until the request ends, reads of
 * the store in its scope (`get()`, `subscribe`, `value`, so every adapter's
 * server render) see it, and `set`/`setKey` there change only it; other
 * requests and the shared value are untouched. `serverStateScript()` hands it
 * (with the request's later writes to it) to the client.
 *
 * Throws AtollError: ATOLL_NO_SERVER_SCOPE outside a scope,
 * ATOLL_UNNAMED_STORE for a store without a name, ATOLL_NOT_SERIALIZABLE for a
 * value JSON cannot carry (naming the store and the path),
 * ATOLL_NOT_PLAIN_OBJECT for a map given anything but a plain object,
 * ATOLL_STATE_WRITTEN once serverStateScript() has written this request's
 * state into the page (the client would never see the change).
 */
export function setServerState<SomeStore extends WritableAtom<any> | MapStore<any>>(
  store: SomeStore,
  value: StoreValue<SomeStore>
): void

/**
 * The state this request gave to `setServerState()`, as
 * `<script type="application/json" data-atoll-state>{...}</script>`, escaped so
 * no value can end the element; '' when nothing was set. Put it in `<head>`:
 * `<Fragment set:html={serverStateScript()} />`.
 */
export function serverStateScript(): string

/** The same state as JSON text, already escaped for use inside `<script>`. */
export function serverStateJSON(): string
