/** @jsxImportSource preact */
// atoll-store/preact: server render with preact-render-to-string, then
// hydrate(). The tests are ../shared/ssr-contract.jsx, which React runs too.
import { useStore } from 'atoll-store/preact'

import { ssrContract } from '../shared/ssr-contract.jsx'
import { act, dom, serverThenHydrate } from './server-then-hydrate.js'

ssrContract({ useStore, serverThenHydrate, act, container: () => dom.container })
