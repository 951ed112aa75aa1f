import { monaco } from '../../monaco/monaco-setup';

/**
 * Puts decorations at `ranges`, unless the collection already has them there. Monaco moves
 * decorations with the text as it is typed, so after a keystroke the new preview usually asks for
 * exactly where they already are; setting them again anyway would make Monaco re-render every
 * line they touch, in the frame that should show only the key.
 */
export function placeDecorations(collection: monaco.editor.IEditorDecorationsCollection, ranges: readonly monaco.Range[], options: monaco.editor.IModelDecorationOptions): void {
  const current = collection.getRanges();
  if (current.length === ranges.length && ranges.every((r, n) => r.equalsRange(current[n] as monaco.IRange))) return;
  collection.set(ranges.map((range) => ({ range, options })));
}

/**
 * Sets one owner's markers on a model, skipping a list equal to the last one set: each marker
 * change re-renders the lines it touches and is reported to every onDidChangeMarkers listener.
 */
export function markerWriter(model: monaco.editor.ITextModel, owner: string): (markers: monaco.editor.IMarkerData[]) => void {
  let last = '[]';
  return (markers) => {
    const key = JSON.stringify(markers);
    if (key === last) return;
    last = key;
    monaco.editor.setModelMarkers(model, owner, markers);
  };
}
