// atoll-store/document: a store as JSON (documentOf), and JSON Patch
// (RFC 6902) between store documents, done by the C++ document module that
// loads on first use. Importing this entry loads no wasm.
export { documentOf } from './document-of.js'
export { applyPatch, createPatch } from './patch.js'
export { loadDocuments } from './load-documents.js'
