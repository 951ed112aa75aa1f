import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { NotificationFilter } from '../../../../shared/contract';
import { eventCatalogue } from '../../../../shared/notifications/event-catalog';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { cleanFilter, inboxActions, isFiltered, useInbox } from './inbox-store';
import { useEndpoints } from './useNotifications';

const CATEGORIES = ['administrative', 'clinical', 'financial', 'unknown'] as const;
const LEVELS = ['lightweight', 'detailed', 'empty', 'unknown'] as const;

/** datetime-local ↔ ISO instant, in the user's time zone. */
const toLocalInput = (iso?: string) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

function Toggle<T extends string>({ label, options, selected, onChange }: { label: string; options: readonly T[]; selected: readonly T[]; onChange: (next: T[]) => void }) {
  return (
    <span className="chip-group" role="group" aria-label={label}>
      <span className="chip-label">{label}</span>
      {options.map((o) => (
        <button
          key={o}
          type="button"
          className={`chip-toggle ${selected.includes(o) ? 'on' : ''}`}
          aria-pressed={selected.includes(o)}
          onClick={() => onChange(selected.includes(o) ? selected.filter((x) => x !== o) : [...selected, o])}
        >
          {o}
        </button>
      ))}
    </span>
  );
}

/** Every filter composes with the others and with the text search; the whole set can be saved as a view. */
export function FilterBar() {
  const filter = useInbox((s) => s.filter);
  const viewId = useInbox((s) => s.viewId);
  const { filterChanged, viewApplied } = inboxActions();
  const endpoints = useEndpoints().data?.items ?? [];
  const views = useQuery({ queryKey: queryKeys.views, queryFn: () => call('views.list', {}) }).data?.items ?? [];
  const [text, setText] = useState(filter.text ?? '');
  // The system is kept while the value is still empty: a patient filter needs a value.
  const [patientSystem, setPatientSystem] = useState(filter.patient?.system ?? '');
  const setPatient = (value: string, system: string) =>
    set({ patient: value.trim() ? { value, ...(system.trim() ? { system } : {}) } : undefined });
  const [more, setMore] = useState(false);
  const [viewName, setViewName] = useState('');
  const set = (change: Partial<NotificationFilter>) => filterChanged(cleanFilter({ ...filter, ...change }));
  const saveView = useMutation({ mutationFn: () => call('views.save', { name: viewName, filter: cleanFilter(filter) }), onSuccess: (v) => { setViewName(''); viewApplied(v.id, v.filter); } });
  const deleteView = useMutation({ mutationFn: (id: number) => call('views.delete', { id }), onSuccess: () => viewApplied(null, filter) });

  // Search as the user types, once they pause.
  useEffect(() => {
    const handle = setTimeout(() => {
      if ((filter.text ?? '') !== text) filterChanged(cleanFilter({ ...filter, text }));
    }, 300);
    return () => clearTimeout(handle);
  }, [text, filter, filterChanged]);

  return (
    <div className="filter-bar" aria-label="Filters">
      <div className="filter-row">
        <input className="search" type="search" placeholder='Search bodies: words, "a phrase", prefix*' aria-label="Search bodies" value={text} onChange={(e) => setText(e.target.value)} />
        <select aria-label="Saved view" value={viewId ?? ''} onChange={(e) => {
          const view = views.find((v) => v.id === Number(e.target.value));
          if (view) { viewApplied(view.id, view.filter); setText(view.filter.text ?? ''); setPatientSystem(view.filter.patient?.system ?? ''); } else { viewApplied(null, {}); setText(''); setPatientSystem(''); }
        }}>
          <option value="">{isFiltered(filter) ? 'Unsaved filter' : 'All notifications'}</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>{v.name}</option>
          ))}
        </select>
        <button type="button" className="link" onClick={() => setMore(!more)} aria-expanded={more}>
          {more ? 'Fewer filters' : 'Filters…'}
        </button>
        {isFiltered(filter) && (
          <button type="button" className="link" onClick={() => { filterChanged({}); setText(''); setPatientSystem(''); }}>
            Clear
          </button>
        )}
      </div>
      {more && (
        <div className="filter-grid">
          <label>From <input type="datetime-local" aria-label="Received from" value={toLocalInput(filter.receivedFrom)} onChange={(e) => set({ receivedFrom: fromLocalInput(e.target.value) })} /></label>
          <label>To <input type="datetime-local" aria-label="Received to" value={toLocalInput(filter.receivedTo)} onChange={(e) => set({ receivedTo: fromLocalInput(e.target.value) })} /></label>
          <label>Endpoint
            <select aria-label="Endpoint" value={filter.endpointIds?.[0] ?? ''} onChange={(e) => set({ endpointIds: e.target.value ? [Number(e.target.value)] : undefined })}>
              <option value="">any</option>
              {endpoints.map((ep) => <option key={ep.id} value={ep.id}>{ep.name} ({ep.path})</option>)}
            </select>
          </label>
          <label>Event
            <input aria-label="Event" list="inbox-known-events" placeholder="Patient arrived, a code or a topic" value={filter.events?.[0] ?? ''} onChange={(e) => set({ events: e.target.value.trim() ? [e.target.value] : undefined })} />
            <datalist id="inbox-known-events">
              {eventCatalogue.map((e) => <option key={e.id} value={e.label}>{e.code}</option>)}
            </datalist>
          </label>
          <label>Resource type <input aria-label="Resource type" placeholder="Observation" value={filter.resourceTypes?.[0] ?? ''} onChange={(e) => set({ resourceTypes: e.target.value ? [e.target.value] : undefined })} /></label>
          <label>Patient identifier
            <span className="value-group">
              <input aria-label="Patient identifier system" placeholder="system (optional)" value={patientSystem} onChange={(e) => { setPatientSystem(e.target.value); setPatient(filter.patient?.value ?? '', e.target.value); }} />
              <input aria-label="Patient identifier value" placeholder="value" value={filter.patient?.value ?? ''} onChange={(e) => setPatient(e.target.value, patientSystem)} />
            </span>
          </label>
          <div className="filter-toggles">
            <Toggle label="Category" options={CATEGORIES} selected={filter.categories ?? []} onChange={(categories) => set({ categories })} />
            <Toggle label="Payload level" options={LEVELS} selected={filter.payloadLevels ?? []} onChange={(payloadLevels) => set({ payloadLevels })} />
            <Toggle label="Verification" options={['none', 'token', 'hmac'] as const} selected={filter.verifications ?? []} onChange={(verifications) => set({ verifications })} />
            <Toggle label="Parse status" options={['ok', 'malformed-json', 'unsupported-media-type'] as const} selected={filter.parseStatuses ?? []} onChange={(parseStatuses) => set({ parseStatuses })} />
            <Toggle
              label="Flags"
              options={['unread', 'starred', 'gap warnings', 'handshakes'] as const}
              selected={[
                ...(filter.read === false ? (['unread'] as const) : []),
                ...(filter.starred ? (['starred'] as const) : []),
                ...(filter.hasWarnings ? (['gap warnings'] as const) : []),
                ...(filter.handshake ? (['handshakes'] as const) : []),
              ]}
              onChange={(flags) =>
                set({
                  read: flags.includes('unread') ? false : undefined,
                  starred: flags.includes('starred') ? true : undefined,
                  hasWarnings: flags.includes('gap warnings') ? true : undefined,
                  handshake: flags.includes('handshakes') ? true : undefined,
                })
              }
            />
          </div>
          <div className="filter-row">
            <input aria-label="View name" placeholder="Save this filter as…" value={viewName} onChange={(e) => setViewName(e.target.value)} />
            <button type="button" className="secondary" disabled={!viewName.trim() || !isFiltered(filter)} onClick={() => saveView.mutate()}>Save view</button>
            {viewId !== null && <button type="button" className="link" onClick={() => deleteView.mutate(viewId)}>Delete this view</button>}
            {(saveView.error ?? deleteView.error) && <span className="error">{(saveView.error ?? deleteView.error)?.message}</span>}
          </div>
        </div>
      )}
    </div>
  );
}
