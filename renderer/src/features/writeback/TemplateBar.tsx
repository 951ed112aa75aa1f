import { memo, useState } from 'react';
import { TEMPLATES, templateById, type EditIntent } from './templates';
import { useDeleteTemplate, useSaveTemplate, useUserTemplates } from './useWritebackApi';
import { writebackActions, writebackDraft, useWriteback } from './writeback-store';

interface Props {
  optionsOpen: boolean;
  onToggleOptions(): void;
}

const ACTIONS = ['create', 'update', 'cancel', 'delete'] as const;

/**
 * Template choice (built-in and saved), the edit's action, save-as, and the destination options toggle.
 * Memoised: it shows nothing of the text, so typing does not re-render it.
 */
export const TemplateBar = memo(function TemplateBar({ optionsOpen, onToggleOptions }: Props) {
  const templateId = useWriteback((s) => s.templateId);
  const intent = useWriteback((s) => s.intent);
  const saved = useUserTemplates().data?.items ?? [];
  const save = useSaveTemplate();
  const remove = useDeleteTemplate();
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const savedId = templateId?.startsWith('user:') ? Number(templateId.slice(5)) : null;
  const savedTemplate = saved.find((t) => t.id === savedId);

  const choose = (id: string) => {
    if (id.startsWith('user:')) {
      const t = saved.find((x) => x.id === Number(id.slice(5)));
      if (t) writebackActions.templateChosen(id, t.text, t.intent as EditIntent);
      return;
    }
    const t = templateById(id);
    if (t) writebackActions.templateChosen(id, t.text, t.intent);
  };

  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const text = writebackDraft();
    save.mutate(
      { name: trimmed, text, intent },
      {
        onSuccess: (t) => {
          writebackActions.templateChosen(`user:${t.id}`, text, intent);
          setSaving(false);
          setName('');
        },
      },
    );
  };

  return (
    <div className="wb-toolbar">
      <h1>Writeback</h1>
      <select aria-label="Template" value={templateId ?? ''} onChange={(e) => choose(e.target.value)}>
        {templateId === null && <option value="">Choose a template…</option>}
        <optgroup label="Templates">
          {TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label} — {t.message}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 && (
          <optgroup label="Saved">
            {saved.map((t) => (
              <option key={t.id} value={`user:${t.id}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <label className="inline">
        Action
        <select aria-label="Action" value={intent.action ?? 'create'} onChange={(e) => writebackActions.intentChanged({ ...intent, action: e.target.value as (typeof ACTIONS)[number] })}>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      {intent.changed && intent.changed.length > 0 && (
        <span className="chip small" title="Elements this edit changed: an Appointment whose start/end changed is a reschedule (S13)">
          changed: {intent.changed.join(', ')}
          <button type="button" className="link" aria-label="Forget changed elements" onClick={() => writebackActions.intentChanged({ ...intent, changed: [] })}>
            ×
          </button>
        </span>
      )}
      {saving ? (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <input aria-label="Template name" autoFocus placeholder="Template name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim() || save.isPending}>
            Save
          </button>
          <button type="button" className="secondary" onClick={() => setSaving(false)}>
            Cancel
          </button>
          {save.error && <span className="error small">{save.error.message}</span>}
        </form>
      ) : (
        <button type="button" className="secondary" onClick={() => setSaving(true)}>
          Save as template…
        </button>
      )}
      {savedTemplate && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            if (window.confirm(`Delete the template "${savedTemplate.name}"?`)) remove.mutate(savedTemplate.id);
          }}
        >
          Delete template
        </button>
      )}
      <span className="spacer" />
      <button type="button" className={`secondary${optionsOpen ? ' active' : ''}`} aria-expanded={optionsOpen} onClick={onToggleOptions}>
        Destination options
      </button>
    </div>
  );
});
