// ESLint for the package, its tests, benchmarks and the demo site: rules that
// find mistakes, not style (Prettier owns the layout; see .prettierrc), with
// the globals of where each file runs.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default [
  {
    // Built, installed or generated (.prettierignore lists the same).
    ignores: [
      '**/node_modules/',
      'build/',
      'build-*/',
      'js/wasm/',
      'js/browser/',
      'demo-site/dist/',
      'demo-site/.astro/',
      'demo-site/vendor/',
      'demo-site/public/atoll/', // the no-bundler page's copy of js/browser (see demo-site)
      'tests/e2e/screenshots/'
    ]
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,jsx,mjs,cjs}'],
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
      // The package runs in browsers, workers and Node alike; the tests and
      // scripts run in Node, with a DOM (jsdom, happy-dom) or driving Chromium.
      globals: { ...globals.browser, ...globals.node }
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `catch {}` is how this code says "this may fail, and that is fine"
      // (storage that is full, a server that is not up yet).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // `for (let _ of steps())` drives a generator for its side effects.
      'no-unused-vars': ['error', { varsIgnorePattern: '^_$' }],
      // `==` coerces; `== null` (null or undefined) is the one use on purpose.
      eqeqeq: ['error', 'smart']
    }
  },
  {
    // Svelte runes modules: the compiler provides the runes.
    files: ['**/*.svelte.js'],
    languageOptions: {
      globals: {
        $state: 'readonly',
        $derived: 'readonly',
        $effect: 'readonly',
        $props: 'readonly',
        $bindable: 'readonly',
        $inspect: 'readonly',
        $host: 'readonly'
      }
    }
  },
  {
    // The hook rules for the React and Preact adapters and the components
    // that use them (not the tests, which call hooks outside components on
    // purpose to check the errors).
    files: [
      'js/{react,preact}/**',
      'demo-site/src/components/{react,preact}/**',
      'tests/adapters/{react,preact}/fixtures/**',
      'tests/e2e/fixtures/**/components/{react,preact}/**'
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  }
]
