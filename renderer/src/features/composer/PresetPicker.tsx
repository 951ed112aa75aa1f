import { useState } from 'react';
import { missingPresetInputs, SEARCH_PRESETS, type PresetValues, type SearchModel } from '../../../../shared/fhir-search';

/** The common US Core searches, each asking only for what it needs (a patient, a date range…). */
export function PresetPicker({ onApply }: { onApply: (model: SearchModel) => void }) {
  const [presetId, setPresetId] = useState('');
  const [values, setValues] = useState<PresetValues>({});
  const preset = SEARCH_PRESETS.find((p) => p.id === presetId);
  const missing = preset ? missingPresetInputs(preset, values) : [];
  return (
    <div className="preset-picker">
      <select
        aria-label="Preset"
        value={presetId}
        onChange={(e) => {
          setPresetId(e.target.value);
          setValues({});
        }}
      >
        <option value="">US Core preset…</option>
        {SEARCH_PRESETS.map((p) => (
          <option key={p.id} value={p.id} title={p.description}>
            {p.title}
          </option>
        ))}
      </select>
      {preset && (
        <form
          className="preset-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (missing.length === 0) {
              onApply(preset.build(values));
              setPresetId('');
            }
          }}
        >
          {preset.inputs.map((input) =>
            input.kind === 'choice' ? (
              <select key={input.key} aria-label={input.label} value={values[input.key] ?? input.defaultValue ?? ''} onChange={(e) => setValues({ ...values, [input.key]: e.target.value })}>
                {input.choices?.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                key={input.key}
                aria-label={input.label}
                placeholder={`${input.label}${input.required ? '' : ' (optional)'}${input.placeholder ? `, e.g. ${input.placeholder}` : ''}`}
                title={input.help}
                value={values[input.key] ?? ''}
                onChange={(e) => setValues({ ...values, [input.key]: e.target.value })}
              />
            ),
          )}
          <button type="submit" className="secondary" disabled={missing.length > 0}>
            Use preset
          </button>
        </form>
      )}
    </div>
  );
}
