import type { monaco } from '../../monaco/monaco-setup';

/**
 * Monaco's options for the writeback editor. Every keystroke must be drawn, and the preview with
 * it, within one frame; these leave out per-keystroke work that this editor gets nothing from
 * (measured with the writeback-preview benchmark's profile):
 * - inline suggestions: no provider offers any for JSON, but their model recomputes on every edit;
 * - word-based suggestions: the FHIR schema completes keys and values; the words of the document
 *   would only add noise, and asking for them keeps the text synced to one more worker per key;
 * - whitespace on selection: its overlay prepares every visible line on every frame.
 */
export const FHIR_EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  folding: true,
  fontSize: 12.5,
  tabSize: 2,
  ariaLabel: 'FHIR JSON of the writeback',
  quickSuggestions: { strings: true, other: true, comments: false },
  fixedOverflowWidgets: true,
  renderWhitespace: 'none',
  inlineSuggest: { enabled: false },
  wordBasedSuggestions: 'off',
};

/**
 * Bracket pair colours (a model option): after each edit Monaco re-parses the bracket tree and
 * adds a decoration per bracket in view to every line it renders, the largest item of its
 * per-keystroke rendering here. Indentation guides still show the nesting. Set once the editor
 * exists: creating it resets the model's options from the configuration.
 */
export const FHIR_MODEL_OPTIONS: monaco.editor.ITextModelUpdateOptions = {
  bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
};
