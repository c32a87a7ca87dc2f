/** @jsxImportSource react */
// atoll-store/react: server render with react-dom/server, then hydrateRoot.
// The tests are ../shared/ssr-contract.jsx, which Preact runs too.
import { useStore } from 'atoll-store/react'

import { ssrContract } from '../shared/ssr-contract.jsx'
import { act, dom, serverThenHydrate } from './server-then-hydrate.js'

ssrContract({ useStore, serverThenHydrate, act, container: () => dom.container })
