import { useState } from 'react';
import type { CapabilitySummary } from '../../../../shared/contract';

/** The CapabilityStatement summary: version, software, and each resource's interactions and search params. */
export function CapabilitiesView({ caps }: { caps: CapabilitySummary }) {
  const [filter, setFilter] = useState('');
  const shown = caps.resources.filter((r) => r.type.toLowerCase().includes(filter.toLowerCase()));
  return (
    <section className="capabilities" data-testid="capabilities">
      <dl className="facts">
        <dt>FHIR version</dt>
        <dd data-testid="cap-fhir-version">{caps.fhirVersion ?? 'not stated'}</dd>
        <dt>Software</dt>
        <dd data-testid="cap-software">{[caps.software.name, caps.software.version].filter(Boolean).join(' ') || 'not stated'}</dd>
        {caps.publisher && (<><dt>Publisher</dt><dd>{caps.publisher}</dd></>)}
        <dt>Formats</dt>
        <dd>{caps.formats.join(', ') || '—'}</dd>
        {caps.security.length > 0 && (<><dt>Security</dt><dd>{caps.security.join(', ')}</dd></>)}
        <dt>Fetched</dt>
        <dd>{new Date(caps.fetchedAt).toLocaleString()}</dd>
      </dl>
      <div className="inline">
        <h3>{caps.resources.length} resource types</h3>
        <input className="filter" placeholder="Filter resource types" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <table className="cap-table">
        <thead>
          <tr><th>Resource</th><th>Interactions</th><th>Search parameters</th></tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.type} data-testid="cap-resource">
              <td><strong>{r.type}</strong></td>
              <td>{r.interactions.join(', ')}</td>
              <td className="params">
                {r.searchParams.map((p) => (
                  <code key={p.name} title={p.type}>{p.name}</code>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
