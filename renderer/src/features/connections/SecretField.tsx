import type { SecretName } from '../../../../shared/contract';
import type { ConnectionDraft } from './form-model';

interface Props {
  name: SecretName;
  label: string;
  isSet: boolean;
  draft: ConnectionDraft;
  onChange: (next: ConnectionDraft) => void;
  multiline?: boolean;
}

/** A write-only secret: shows whether one is stored, never its value; typing replaces it. */
export function SecretField({ name, label, isSet, draft, onChange, multiline }: Props) {
  const clearing = draft.clear.includes(name);
  const value = draft.secrets[name] ?? '';
  const set = (v: string) => onChange({ ...draft, secrets: { ...draft.secrets, [name]: v }, clear: draft.clear.filter((n) => n !== name) });
  const status = clearing ? 'will be removed' : isSet ? 'set' : 'not set';
  return (
    <label>
      <span>
        {label} <span className={`secret-state ${isSet && !clearing ? 'on' : ''}`} data-testid={`secret-${name}`}>{status}</span>
      </span>
      {multiline ? (
        <textarea rows={3} value={value} onChange={(e) => set(e.target.value)} placeholder={isSet ? 'Paste to replace' : 'Paste PEM'} spellCheck={false} />
      ) : (
        <input
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(e) => set(e.target.value)}
          placeholder={isSet ? 'Enter a new value to replace it' : 'Not set'}
          aria-label={label}
        />
      )}
      {isSet && !clearing && (
        <button type="button" className="link" onClick={() => onChange({ ...draft, clear: [...draft.clear, name], secrets: { ...draft.secrets, [name]: '' } })}>
          Remove stored {label.toLowerCase()}
        </button>
      )}
    </label>
  );
}
