// Every request renders in its own atoll-store scope, so setServerState() in
// one visitor's page never shows up in another's.
export { atollMiddleware as onRequest } from 'atoll-store/ssr';
