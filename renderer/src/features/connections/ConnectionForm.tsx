import { useState, type FormEvent } from 'react';
import { environmentSuggestions, type Connection } from '../../../../shared/contract';
import { AuthFields } from './AuthFields';
import { selectConnection } from './connection-ui';
import { draftFrom, emptyDraft, toSaveInput, type ConnectionDraft } from './form-model';
import { SecretField } from './SecretField';
import { useDeleteConnection, useSaveConnection } from './useConnections';

/** Create or edit one connection; secrets are write-only. */
export function ConnectionForm({ saved }: { saved: Connection | undefined }) {
  const [draft, setDraft] = useState<ConnectionDraft>(() => (saved ? draftFrom(saved) : emptyDraft));
  const save = useSaveConnection();
  const remove = useDeleteConnection();
  const set = <K extends keyof ConnectionDraft>(key: K, value: ConnectionDraft[K]) => setDraft({ ...draft, [key]: value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toSaveInput(draft), { onSuccess: (c) => selectConnection(c.id) });
  };

  return (
    <form className="card wide conn-form" onSubmit={submit} aria-label="Connection">
      <h2>{saved ? 'Edit connection' : 'New connection'}</h2>
      <div className="grid2">
        <label>
          Name
          <input value={draft.name} onChange={(e) => set('name', e.target.value)} aria-label="Name" />
        </label>
        <label>
          Environment
          <input list="environments" value={draft.environment} onChange={(e) => set('environment', e.target.value)} aria-label="Environment" />
          <datalist id="environments">
            {environmentSuggestions.map((env) => <option key={env} value={env} />)}
          </datalist>
        </label>
      </div>
      <label>
        FHIR base URL (R4)
        <input value={draft.baseUrl} onChange={(e) => set('baseUrl', e.target.value)} placeholder="https://api.redoxengine.com/fhir/R4/redox-fhir-sandbox/Development" spellCheck={false} aria-label="FHIR base URL" />
      </label>

      <AuthFields draft={draft} saved={saved} onChange={setDraft} />

      <fieldset className="group">
        <legend>Transport</legend>
        <label className={`switch ${draft.allowSelfSigned ? 'danger' : ''}`}>
          <span>
            <input type="checkbox" checked={draft.allowSelfSigned} onChange={(e) => set('allowSelfSigned', e.target.checked)} aria-label="Allow self-signed certificates" />
            Allow self-signed certificates
          </span>
          {draft.allowSelfSigned && (
            <span className="warning" role="note">
              Any certificate is accepted: someone on the network could read or change this traffic, credentials included. Prefer adding the server's CA below.
            </span>
          )}
        </label>
        <div className="grid2">
          <label>
            Timeout (seconds)
            <input type="number" min="1" max="600" value={draft.timeoutSeconds} onChange={(e) => set('timeoutSeconds', e.target.value)} />
          </label>
          <label>
            Proxy <span className="muted">optional, http://host:port</span>
            <input value={draft.proxyUrl} onChange={(e) => set('proxyUrl', e.target.value)} spellCheck={false} />
          </label>
        </div>
        <label>
          Extra CA certificates (PEM) <span className="muted">trusted in addition to the system's</span>
          <textarea rows={2} value={draft.caBundlePem} onChange={(e) => set('caBundlePem', e.target.value)} spellCheck={false} />
        </label>
        <label>
          Client certificate for mutual TLS (PEM)
          <textarea rows={2} value={draft.clientCertPem} onChange={(e) => set('clientCertPem', e.target.value)} spellCheck={false} />
        </label>
        {draft.clientCertPem.trim() !== '' && (
          <SecretField name="tlsClientKey" label="Client certificate key" isSet={saved?.secrets.tlsClientKey ?? false} draft={draft} onChange={setDraft} multiline />
        )}
        <div className="headers-edit">
          <span className="label">Extra headers <span className="muted">sent with every request (e.g. redox-source-id)</span></span>
          {draft.headers.map((h, i) => (
            <div className="inline" key={i}>
              <input placeholder="Name" value={h.name} onChange={(e) => set('headers', draft.headers.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              <input placeholder="Value" value={h.value} onChange={(e) => set('headers', draft.headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
              <button type="button" className="secondary" onClick={() => set('headers', draft.headers.filter((_, j) => j !== i))}>Remove</button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => set('headers', [...draft.headers, { name: '', value: '' }])}>Add header</button>
        </div>
      </fieldset>

      {save.error && (
        <div className="error" role="alert">
          {save.error.message}
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>{saved ? 'Save' : 'Create connection'}</button>
        {saved && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              if (window.confirm(`Delete ${saved.name}, with its secrets and key pair?`)) remove.mutate(saved.id, { onSuccess: () => selectConnection(null) });
            }}
          >
            Delete
          </button>
        )}
      </div>
    </form>
  );
}
