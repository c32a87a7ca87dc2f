// Undo and redo for the cart (src/widgets/history.js shows them), in the
// browser only: on a server the history would collect the steps of every
// request. There, canUndo and canRedo are plain `false` atoms.
import { atom } from 'atoll-store';
import { createHistory } from 'atoll-store/undo';
import { cartItems } from './cartStore.js';

const cartHistory = typeof window !== 'undefined' ? createHistory([cartItems], { limit: 50 }) : undefined;
const never = atom(false);

export const canUndo = cartHistory ? cartHistory.canUndo : never;
export const canRedo = cartHistory ? cartHistory.canRedo : never;
export const undo = () => cartHistory?.undo();
export const redo = () => cartHistory?.redo();
