import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { SavedQuery } from '../../../../shared/contract';
import { call } from '../../api/client';
import { downloadText } from './download';
import { runKeys } from './useQueryRun';

interface Props {
  current: { resourceType: string | null; query: string; method: 'GET' | 'POST'; model: unknown; connectionName: string | null };
  onOpen: (query: SavedQuery) => void;
}

/** Named queries in folders; export/import as a plain JSON file a team keeps in git. */
export function SavedQueriesPanel({ current, onOpen }: Props) {
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: runKeys.saved, queryFn: () => call('savedQueries.list', {}) });
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: runKeys.saved });
  const save = useMutation({
    mutationFn: () => call('savedQueries.save', { name, folder, ...current }),
    onSuccess: () => {
      setName('');
      refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => call('savedQueries.delete', { id }), onSuccess: refresh });
  const exportAll = useMutation({
    mutationFn: () => call('savedQueries.export', {}),
    onSuccess: (file) => downloadText(file.fileName, file.content, 'application/json'),
  });
  const importFile = useMutation({
    mutationFn: async (file: File) => call('savedQueries.import', { content: await file.text() }),
    onSuccess: (result) => {
      setMessage(`Imported: ${result.added} added, ${result.replaced} replaced.`);
      refresh();
    },
  });
  const byFolder = new Map<string, SavedQuery[]>();
  for (const q of saved.data?.items ?? []) byFolder.set(q.folder, [...(byFolder.get(q.folder) ?? []), q]);
  const error = save.error ?? remove.error ?? importFile.error ?? exportAll.error;

  return (
    <aside className="side-panel" aria-label="Saved queries">
      <h2>Saved queries</h2>
      <form
        className="save-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <input placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} aria-label="Saved query name" />
        <input placeholder="Folder (optional)" value={folder} onChange={(e) => setFolder(e.target.value)} aria-label="Saved query folder" />
        <button type="submit" disabled={name.trim() === '' || save.isPending}>
          Save current
        </button>
      </form>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => exportAll.mutate()}>
          Export file
        </button>
        <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
          Import file
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Saved queries file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) importFile.mutate(file);
            e.target.value = '';
          }}
        />
      </div>
      {message && <p className="muted small">{message}</p>}
      {error && <p className="error small">{error.message}</p>}
      {[...byFolder.entries()].map(([folderName, queries]) => (
        <section key={folderName}>
          <h3>{folderName || 'Top folder'}</h3>
          <ul className="side-list">
            {queries.map((q) => (
              <li key={q.id} className="saved-item">
                <button type="button" className="side-item" onClick={() => onOpen(q)} data-testid="saved-item">
                  <span className="side-title">{q.name}</span>
                  <span className="muted small">
                    {q.method} {q.resourceType}?{q.query}
                  </span>
                </button>
                <button type="button" className="link" aria-label={`Delete ${q.name}`} onClick={() => remove.mutate(q.id)}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
