/** @jsxImportSource react */
import { useStore } from 'atoll-store/react';
import { canRedo, canUndo, redo, undo } from '../../cartHistory.js';

export default function CartHistory() {
  // The history exists only in the browser; the server rendered both buttons
  // disabled. `ssr: 'initial'` hydrates with that (the atoms start false) and
  // then shows the live value, whatever happened before hydration.
  const $canUndo = useStore(canUndo, { ssr: 'initial' });
  const $canRedo = useStore(canRedo, { ssr: 'initial' });

  return (
    <div className="history" data-island="react" data-part="history" role="group" aria-label="Cart history">
      <button type="button" data-action="undo" disabled={!$canUndo} onClick={undo} title="Undo the last cart change">
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button type="button" data-action="redo" disabled={!$canRedo} onClick={redo} title="Redo">
        <span aria-hidden="true">↷</span> Redo
      </button>
    </div>
  );
}
