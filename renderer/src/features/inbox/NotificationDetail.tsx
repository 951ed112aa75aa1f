import { useEffect, useState } from 'react';
import { HeaderTable } from '../../components/HeaderTable';
import { BodyTab } from './BodyTab';
import { curlForNotification, receivedAtUrl } from './curl-for-notification';
import { HydrateTab } from './HydrateTab';
import { inboxActions, useInbox, type DetailTab } from './inbox-store';
import { ReplayTab } from './ReplayTab';
import { SummaryTab } from './SummaryTab';
import { useEndpoints, useMarkNotifications, useNotificationDetail } from './useNotifications';

const TABS: { id: DetailTab; label: string }[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'headers', label: 'Headers' },
  { id: 'body', label: 'Body' },
  { id: 'hydrate', label: 'Hydrate' },
  { id: 'replay', label: 'Replay' },
];

export function NotificationDetail({ id }: { id: number | null }) {
  const detail = useNotificationDetail(id);
  const tab = useInbox((s) => s.detailTab);
  const { detailTabChosen } = inboxActions();
  const mark = useMarkNotifications();
  const endpoints = useEndpoints().data?.items ?? [];
  const n = detail.data;
  const [note, setNote] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  // Opening a notification marks it read, as in any inbox.
  useEffect(() => {
    if (n && !n.read) mark.mutate({ ids: [n.id], read: true });
    // Only when another notification opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [n?.id]);

  if (id === null) return <div className="detail empty">Select a notification to see what it holds.</div>;
  if (detail.isPending) return <div className="detail empty">Loading…</div>;
  if (detail.error) return <div className="detail empty error">{detail.error.message}</div>;
  if (!n) return null;

  return (
    <article className="detail" aria-label={`Notification ${n.id}`}>
      <header className="detail-head">
        <h2>
          #{n.id} {n.handshake ? `Handshake (${n.handshake})` : (n.eventLabel ?? n.event ?? 'Notification')}
        </h2>
        <div className="detail-actions">
          <button type="button" className="link" onClick={() => mark.mutate({ ids: [n.id], starred: !n.starred })}>{n.starred ? '★ Starred' : '☆ Star'}</button>
          <button type="button" className="link" onClick={() => mark.mutate({ ids: [n.id], read: !n.read })}>{n.read ? 'Mark unread' : 'Mark read'}</button>
          <button
            type="button"
            className="link"
            onClick={async () => {
              await navigator.clipboard.writeText(curlForNotification(n, receivedAtUrl(n, endpoints)));
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            }}
          >
            {copied ? 'Copied' : 'Copy as curl'}
          </button>
        </div>
      </header>
      <div className="note-row">
        <input
          aria-label="Note"
          placeholder="Add a note for the team…"
          value={note ?? n.note ?? ''}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            if (note !== null && note !== (n.note ?? '')) mark.mutate({ ids: [n.id], note });
            setNote(null);
          }}
        />
      </div>
      {n.parseStatus !== 'ok' && (
        <div className="banner error" role="alert">
          {n.parseError ?? n.parseStatus} The body is kept exactly as received.
        </div>
      )}
      <div className="tabs" role="tablist" aria-label="Notification">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'} onClick={() => detailTabChosen(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'summary' && <SummaryTab n={n} />}
      {tab === 'headers' && <HeaderTable headers={n.headers} label="Headers as received" />}
      {tab === 'body' && <BodyTab n={n} />}
      {tab === 'hydrate' && <HydrateTab n={n} />}
      {tab === 'replay' && <ReplayTab key={n.id} n={n} />}
    </article>
  );
}
