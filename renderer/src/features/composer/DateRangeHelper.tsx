import { useState } from 'react';
import { dateRangeParameters, type SearchParameterEntry } from '../../../../shared/fhir-search';

/**
 * From/to for a date parameter: becomes `ge<from>` and `lt<day after to>` (two AND-ed entries),
 * so a whole last day is included the same way on every server.
 */
export function DateRangeHelper({ entry, onReplace }: { entry: SearchParameterEntry; onReplace: (entries: SearchParameterEntry[]) => void }) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  if (!open) {
    return (
      <button type="button" className="link" onClick={() => setOpen(true)}>
        range…
      </button>
    );
  }
  return (
    <span className="value-group date-range">
      <input aria-label={`${entry.name} from`} placeholder="from 2024-01-01" value={from} onChange={(e) => setFrom(e.target.value)} />
      <input aria-label={`${entry.name} to`} placeholder="to 2024-12-31" value={to} onChange={(e) => setTo(e.target.value)} />
      <button
        type="button"
        className="secondary"
        disabled={from === '' && to === ''}
        onClick={() => {
          const entries = dateRangeParameters(entry.name, { from, to }).map((e) => ({ ...e, ...(entry.chain ? { chain: entry.chain } : {}), ...(entry.has ? { has: entry.has } : {}) }));
          onReplace(entries);
          setOpen(false);
        }}
      >
        Set range
      </button>
    </span>
  );
}
