import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { call } from '../../api/client';
import { LazyJsonViewer } from '../../components/LazyJsonViewer';
import { useEndpoints } from './useNotifications';

type Form = 'redox' | 'subscription-r4-backport' | 'subscription-r4b' | 'subscription-r5';

/** Compose a test notification from a template and POST it anywhere, this app's own receiver included. */
export function SendTestPanel() {
  const templates = useQuery({ queryKey: ['notifications', 'templates'], queryFn: () => call('notifications.templates', {}), staleTime: Infinity }).data?.items ?? [];
  const endpoints = useEndpoints().data?.items ?? [];
  const own = endpoints.find((e) => e.isDefault);
  const [templateId, setTemplateId] = useState('');
  const [form, setForm] = useState<Form>('redox');
  const [level, setLevel] = useState<'lightweight' | 'detailed'>('detailed');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [secret, setSecret] = useState('');
  const chosen = templateId || (templates[0]?.id ?? '');
  const target = url || own?.url || '';
  const input = (dryRun: boolean) => ({
    templateId: chosen,
    form,
    level,
    url: target,
    headers: token ? ([['verification-token', token]] as [string, string][]) : [],
    ...(secret ? { sign: { secret } } : {}),
    dryRun,
  });
  const preview = useQuery({
    queryKey: ['notifications', 'template-preview', chosen, form, level],
    queryFn: () => call('notifications.sendTest', { ...input(true), url: target || 'http://127.0.0.1/' }),
    enabled: chosen !== '',
  });
  const send = useMutation({ mutationFn: () => call('notifications.sendTest', input(false)) });
  const result = send.data?.replay;

  return (
    <section className="send-test card" aria-label="Send a test notification">
      <h2>Send a test notification</h2>
      <div className="filter-row">
        <select aria-label="Template" value={chosen} onChange={(e) => setTemplateId(e.target.value)}>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
        </select>
        <select aria-label="Form" value={form} onChange={(e) => setForm(e.target.value as Form)}>
          <option value="redox">Redox message Bundle</option>
          <option value="subscription-r4-backport">FHIR Subscriptions (R4 Backport)</option>
          <option value="subscription-r4b">FHIR Subscriptions (R4B)</option>
          <option value="subscription-r5">FHIR Subscriptions (R5)</option>
        </select>
        <select aria-label="Level" value={level} onChange={(e) => setLevel(e.target.value as 'lightweight' | 'detailed')}>
          <option value="detailed">Detailed (full resources)</option>
          <option value="lightweight">Lightweight (references)</option>
        </select>
      </div>
      <div className="filter-row">
        <input aria-label="Send to URL" placeholder={own?.url ?? 'https://…'} value={url} onChange={(e) => setUrl(e.target.value)} />
        <input aria-label="Verification token" type="password" placeholder="verification-token (optional)" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
        <input aria-label="Test signing secret" type="password" placeholder="whsec_… to sign (optional)" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" />
        <button type="button" disabled={!chosen || !target || send.isPending} onClick={() => send.mutate()}>
          {send.isPending ? 'Sending…' : 'Send'}
        </button>
      </div>
      {send.error && <p className="error" role="alert">{send.error.message}</p>}
      {result && (
        <p data-testid="send-test-result" className={result.status !== null && result.status < 400 ? '' : 'error'}>
          {result.status !== null ? `Answered ${result.status}` : result.error} {result.responseBody ? `· ${result.responseBody.slice(0, 200)}` : ''}
        </p>
      )}
      {preview.data && <LazyJsonViewer value={preview.data.body} label="Test notification" height={260} />}
      {preview.error && <p className="error">{preview.error.message}</p>}
    </section>
  );
}
