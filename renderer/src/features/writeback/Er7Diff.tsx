import { useMemo, useState } from 'react';
import { diffEr7, withoutVolatile, type DiffRow } from './er7-diff';
import { useWritebackDetail, useWritebackList } from './useWritebackApi';
import { useWriteback } from './writeback-store';

interface Props {
  current: string;
  /** `<FocusType><Action>`: earlier sends of the same kind are offered for comparison. */
  kind: string | null;
}

/** The preview against an earlier send of this writeback: changed segments, field by field. */
export function Er7Diff({ current, kind }: Props) {
  const sentIds = useWriteback((s) => s.sentIds);
  const list = useWritebackList(kind ? { kind } : {}, kind !== null);
  const candidates = useMemo(() => {
    const items = (list.data?.items ?? []).filter((w) => w.transport === 'mllp');
    // Sends from this editor first, then other sends of the same kind.
    return [...items.filter((w) => sentIds.includes(w.id)), ...items.filter((w) => !sentIds.includes(w.id))];
  }, [list.data, sentIds]);
  const [chosen, setChosen] = useState<number | null>(null);
  const id = chosen ?? candidates[0]?.id ?? null;
  const detail = useWritebackDetail(id);
  const [ignoreVolatile, setIgnoreVolatile] = useState(true);
  const previous = detail.data?.message.format === 'er7' ? detail.data.message.text : null;
  const rows = useMemo(
    () => (previous === null ? [] : ignoreVolatile ? diffEr7(withoutVolatile(previous), withoutVolatile(current)) : diffEr7(previous, current)),
    [previous, current, ignoreVolatile],
  );
  const changes = rows.filter((r) => r.kind !== 'same').length;

  if (candidates.length === 0) {
    return <p className="muted pad">{list.isPending && kind ? 'Looking for earlier sends…' : 'Nothing sent yet for this kind of writeback: send it once, then edit and compare.'}</p>;
  }
  return (
    <div className="wb-diff" data-testid="er7-diff">
      <div className="wb-diff-head small">
        <label className="inline">
          Compare with
          <select aria-label="Earlier send" value={id ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
            {candidates.map((w) => (
              <option key={w.id} value={w.id}>
                #{w.id} {new Date(w.createdAt).toLocaleString()} · {w.status} · {w.destinationLabel}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={ignoreVolatile} onChange={(e) => setIgnoreVolatile(e.target.checked)} /> ignore MSH-7 and MSH-10
        </label>
        <span className="muted">{previous === null ? 'loading…' : changes === 0 ? 'identical' : `${changes} ${changes === 1 ? 'segment differs' : 'segments differ'}`}</span>
      </div>
      <div className="wb-diff-body mono">
        {rows.map((r, i) => (
          <DiffLine key={i} row={r} />
        ))}
      </div>
    </div>
  );
}

function DiffLine({ row }: { row: DiffRow }) {
  if (row.kind !== 'changed') {
    const mark = row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ' ';
    return (
      <div className={`wb-diff-line ${row.kind}`}>
        <span className="wb-diff-mark">{mark}</span>
        {row.text}
      </div>
    );
  }
  return (
    <>
      <div className="wb-diff-line removed">
        <span className="wb-diff-mark">−</span>
        <Fields text={row.before} fields={row.fields} />
      </div>
      <div className="wb-diff-line added" data-testid="diff-changed">
        <span className="wb-diff-mark">+</span>
        <Fields text={row.after} fields={row.fields} />
      </div>
    </>
  );
}

/** A segment with its changed fields marked. */
function Fields({ text, fields }: { text: string; fields: readonly number[] }) {
  const parts = text.split('|');
  const shift = text.startsWith('MSH') ? 1 : 0;
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && '|'}
          {fields.includes(i + shift) && i > 0 ? (
            <mark title={`${text.slice(0, 3)}-${i + shift} changed`}>{p || '∅'}</mark>
          ) : (
            p
          )}
        </span>
      ))}
    </>
  );
}
