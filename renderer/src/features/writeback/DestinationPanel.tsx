import { useState } from 'react';
import type { WritebackTranslateOptions } from '../../../../shared/contract';
import { V2_VERSIONS } from '../../../../shared/fhir-to-v2';
import { DEFAULT_DESTINATION, hdFromText, hdToText, MESSAGE_TYPE_CHOICES } from './destination-options';
import { useDestinations, useSaveDestination } from './useWritebackApi';
import { writebackActions, useWriteback } from './writeback-store';

type HdKey = 'sendingApplication' | 'sendingFacility' | 'receivingApplication' | 'receivingFacility';
const HD_FIELDS: readonly [HdKey, string][] = [
  ['sendingApplication', 'Sending application (MSH-3)'],
  ['sendingFacility', 'Sending facility (MSH-4)'],
  ['receivingApplication', 'Receiving application (MSH-5)'],
  ['receivingFacility', 'Receiving facility (MSH-6)'],
];

/**
 * The translator options of the destination: message choice, MSH routing, processing id, version,
 * and the identifier system → assigning authority table. They drive the preview and are sent with
 * the writeback; "Save to destination" keeps them with a saved MLLP destination.
 */
export function DestinationPanel({ focusType }: { focusType: string | null }) {
  const options = useWriteback((s) => s.destination);
  const target = useWriteback((s) => s.target);
  const destinations = useDestinations().data?.items ?? [];
  const saveDestination = useSaveDestination();
  const saved = target?.kind === 'saved' ? destinations.find((d) => d.id === target.destinationId) : undefined;
  const mllpConfig = saved?.config.transport === 'mllp' ? saved.config : null;
  const set = (patch: Partial<WritebackTranslateOptions>) => writebackActions.destinationEdited({ ...options, ...patch });
  const choice = focusType ? MESSAGE_TYPE_CHOICES[focusType] : undefined;

  return (
    <div className="wb-options" aria-label="Destination options">
      <div className="wb-options-grid">
        {choice && (
          <label>
            Message type ({focusType})
            <select
              aria-label="Message type"
              value={(options[choice.option] as string | undefined) ?? choice.values[0] ?? ''}
              onChange={(e) => {
                if (choice.option === 'messageType') {
                  const { messageType: _old, ...rest } = options;
                  writebackActions.destinationEdited(e.target.value ? { ...rest, messageType: e.target.value } : rest);
                } else set({ [choice.option]: e.target.value });
              }}
            >
              {choice.values.map((v) => (
                <option key={v} value={v}>
                  {v || 'from the edit (action, status)'}
                </option>
              ))}
            </select>
          </label>
        )}
        {HD_FIELDS.map(([key, label]) => (
          <label key={key}>
            {label}
            <input className="mono" value={hdToText(options[key])} placeholder="NAMESPACE^universal id^type" onChange={(e) => set({ [key]: hdFromText(e.target.value) })} />
          </label>
        ))}
        <label>
          Processing id (MSH-11)
          <select value={options.processingId ?? 'P'} onChange={(e) => set({ processingId: e.target.value as 'P' | 'T' | 'D' })}>
            <option value="P">P production</option>
            <option value="T">T training / test</option>
            <option value="D">D debugging</option>
          </select>
        </label>
        <label>
          Version (MSH-12)
          <select aria-label="Version" value={options.version ?? '2.5.1'} onChange={(e) => set({ version: e.target.value as (typeof V2_VERSIONS)[number] })}>
            {V2_VERSIONS.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Entered by (EVN-5, SCH-20)
          <input value={options.operator ?? ''} onChange={(e) => set({ operator: e.target.value })} />
        </label>
      </div>
      <AssigningAuthorities value={options.assigningAuthorities ?? {}} onChange={(assigningAuthorities) => set({ assigningAuthorities })} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => writebackActions.destinationEdited(DEFAULT_DESTINATION)}>
          Reset to defaults
        </button>
        {saved && mllpConfig && (
          <button
            type="button"
            className="secondary"
            disabled={saveDestination.isPending}
            onClick={() => saveDestination.mutate({ id: saved.id, name: saved.name, config: { ...mllpConfig, translator: options } })}
          >
            Save to “{saved.name}”
          </button>
        )}
        {saveDestination.isSuccess && <span className="ok-line small">Saved with the destination.</span>}
        {saveDestination.error && <span className="error small">{saveDestination.error.message}</span>}
      </div>
    </div>
  );
}

/** Identifier system URI → assigning authority (CX.4 / EI.2-4), one row each. */
function AssigningAuthorities({ value, onChange }: { value: NonNullable<WritebackTranslateOptions['assigningAuthorities']>; onChange(v: NonNullable<WritebackTranslateOptions['assigningAuthorities']>): void }) {
  const [system, setSystem] = useState('');
  const [authority, setAuthority] = useState('');
  const rows = Object.entries(value);
  const without = (key: string) => Object.fromEntries(rows.filter(([k]) => k !== key));
  return (
    <fieldset className="group wb-authorities">
      <legend>Assigning authorities (CX.4, EI.2–4)</legend>
      <table className="headers">
        <tbody>
          {rows.map(([k, hd]) => (
            <tr key={k}>
              <th>{k}</th>
              <td>
                <input className="mono" aria-label={`Authority for ${k}`} value={hdToText(hd)} onChange={(e) => onChange({ ...value, [k]: hdFromText(e.target.value) ?? '' })} />
              </td>
              <td>
                <button type="button" className="link" onClick={() => onChange(without(k))}>
                  remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (!system.trim() || !authority.trim()) return;
          onChange({ ...value, [system.trim()]: hdFromText(authority) ?? '' });
          setSystem('');
          setAuthority('');
        }}
      >
        <input aria-label="Identifier system" placeholder="http://hospital.example.org/mrn" value={system} onChange={(e) => setSystem(e.target.value)} />
        <input aria-label="Assigning authority" className="mono" placeholder="HOSP^2.16.840.1.113883.3.72^ISO" value={authority} onChange={(e) => setAuthority(e.target.value)} />
        <button type="submit" className="secondary">
          Add
        </button>
      </form>
    </fieldset>
  );
}
