// Undo / Redo in the header (atoll-store/undo; the history is ../cartHistory.js).
// Two buttons need no framework: a plain script, like "Clear cart" next to
// them. The server renders both disabled (it keeps no history); here they
// follow canUndo and canRedo.
import { canRedo, canUndo, redo, undo } from '../cartHistory.js';

export function startHistory() {
  const history = document.querySelector('[data-island="script"][data-part="history"]');
  const undoButton = history.querySelector('[data-action="undo"]');
  const redoButton = history.querySelector('[data-action="redo"]');

  canUndo.subscribe((can) => (undoButton.disabled = !can));
  canRedo.subscribe((can) => (redoButton.disabled = !can));
  undoButton.addEventListener('click', () => undo());
  redoButton.addEventListener('click', () => redo());

  history.dataset.ready = 'true';
}
