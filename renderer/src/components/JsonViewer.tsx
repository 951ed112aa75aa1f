import { useEffect, useRef } from 'react';
import { monaco } from '../monaco/monaco-setup';

interface Props {
  value: string;
  /** Accessible name of the viewer. */
  label: string;
  height?: number | string;
}

/** Read-only JSON in Monaco: folding, search and huge documents without freezing the page. */
export default function JsonViewer({ value, label, height = '100%' }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    editor.current = monaco.editor.create(host.current, {
      value: '',
      language: 'json',
      readOnly: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      folding: true,
      fontSize: 12.5,
      ariaLabel: label,
      wordWrap: 'off',
      renderValidationDecorations: 'off',
    });
    return () => editor.current?.dispose();
  }, [label]);

  useEffect(() => {
    if (editor.current && editor.current.getValue() !== value) editor.current.setValue(value);
  }, [value]);

  return <div className="json-viewer" ref={host} style={{ height }} data-testid="json-viewer" />;
}
