import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ResultColumn } from '../../../../shared/fhir/default-columns';
import { call } from '../../api/client';
import { downloadText } from './download';

export function ExportControl({ runId, pageIndex, columns }: { runId: number; pageIndex: number; columns: ResultColumn[] }) {
  const [format, setFormat] = useState<'bundle' | 'ndjson' | 'csv'>('bundle');
  const [scope, setScope] = useState<'page' | 'all'>('page');
  const [copied, setCopied] = useState<string | null>(null);
  const exporter = useMutation({
    mutationFn: () => call('query.export', { runId, pageIndex, scope, format, columns }),
    onSuccess: (file) => downloadText(file.fileName, file.content, file.mimeType),
  });
  const curl = useMutation({
    mutationFn: (credentialsFromEnv: boolean) => call('query.curl', { runId, pageIndex, credentialsFromEnv }),
    onSuccess: async (result, credentialsFromEnv) => {
      await navigator.clipboard.writeText(result.command);
      setCopied(credentialsFromEnv ? 'Copied: export FHIR_AUTHORIZATION (or the variable shown) before running it' : 'Copied (credentials redacted)');
      setTimeout(() => setCopied(null), 2500);
    },
  });
  return (
    <div className="export">
      <select aria-label="Export scope" value={scope} onChange={(e) => setScope(e.target.value as 'page' | 'all')}>
        <option value="page">This page</option>
        <option value="all">All fetched pages</option>
      </select>
      <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as 'bundle' | 'ndjson' | 'csv')}>
        <option value="bundle">Bundle JSON</option>
        <option value="ndjson">NDJSON</option>
        <option value="csv">CSV (table columns)</option>
      </select>
      <button type="button" className="secondary" onClick={() => exporter.mutate()} disabled={exporter.isPending}>
        Export
      </button>
      <button type="button" className="secondary" onClick={() => curl.mutate(false)} title="Copy the request as a curl command">
        Copy as curl
      </button>
      <button
        type="button"
        className="link"
        title="Credentials come from shell variables such as $FHIR_AUTHORIZATION; Switchboard never shows a stored secret"
        onClick={() => curl.mutate(true)}
      >
        runnable (credentials from env)
      </button>
      {copied && <span className="muted">{copied}</span>}
      {(exporter.error ?? curl.error) && <span className="error">{(exporter.error ?? curl.error)?.message}</span>}
    </div>
  );
}
