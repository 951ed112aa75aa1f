import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { TranslationResult } from '../../../../shared/fhir-to-v2';
import type { Er7Segment } from '../../../../shared/hl7v2';
import { fieldFacts, fieldKey, fieldTitle, segmentFamily, type FieldFacts } from './er7-view-model';
import type { FieldPick } from './writeback-store';

const LINE_HEIGHT = 20;

interface Props {
  result: TranslationResult;
  /** Sequence number of the translation shown, and the worker's time for it (for tests and the benchmark). */
  seq: number;
  computeMs: number;
  picked: FieldPick | null;
  /** Fields produced by the FHIR element under the caret. */
  linked: ReadonlySet<string>;
  /** Scroll this segment into view (whenever `nonce` changes): a located issue, the fields under the caret. */
  scrollTo: { segmentIndex: number; nonce: string } | null;
  followCaret: { segmentIndex: number; nonce: string } | null;
  onPick(pick: FieldPick): void;
}

/** The ER7 message, one segment per line: coloured segment ids, every field a span with its definition and lineage. */
export function Er7Preview({ result, seq, computeMs, picked, linked, scrollTo, followCaret, onPick }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const facts = useMemo(() => fieldFacts(result), [result]);
  const [hovered, setHovered] = useState<FieldPick | null>(null);
  const virtualizer = useVirtualizer({
    count: result.segments.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30,
  });

  useEffect(() => {
    if (scrollTo) virtualizer.scrollToIndex(scrollTo.segmentIndex, { align: 'auto' });
  }, [scrollTo, virtualizer]);
  useEffect(() => {
    if (followCaret) virtualizer.scrollToIndex(followCaret.segmentIndex, { align: 'auto' });
  }, [followCaret, virtualizer]);

  const fieldFrom = (event: MouseEvent): FieldPick | null => {
    const el = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-field]') : null;
    if (!el) return null;
    return { segmentIndex: Number(el.dataset.seg), field: Number(el.dataset.field) };
  };
  const shown = hovered ?? picked;
  const shownSegment = shown ? result.segments[shown.segmentIndex] : undefined;

  return (
    <div className="wb-er7" data-testid="er7-preview" data-preview-seq={seq} data-compute-ms={computeMs.toFixed(2)} data-message-type={result.messageType}>
      {/* The lines scroll in a box of their own size (see .wb-er7-scroll): the page lays out apart from them. */}
      <div className="wb-er7-frame">
        <div
          className="wb-er7-scroll"
          ref={scrollRef}
          onClick={(e) => {
            const pick = fieldFrom(e);
            if (pick) onPick(pick);
          }}
          onMouseOver={(e) => {
            const pick = fieldFrom(e);
            setHovered((h) => (h?.segmentIndex === pick?.segmentIndex && h?.field === pick?.field ? h : pick));
          }}
          onMouseLeave={() => setHovered(null)}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 'max-content' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const segment = result.segments[item.index] as Er7Segment;
              return (
                <Er7Line
                  key={item.key}
                  top={item.start}
                  er7={result.er7}
                  segment={segment}
                  segmentIndex={item.index}
                  facts={facts}
                  signature={lineSignature(result.er7, segment, item.index, facts)}
                  pickedField={picked?.segmentIndex === item.index ? picked.field : null}
                  linkedFields={linkedFieldsOf(linked, item.index)}
                />
              );
            })}
          </div>
        </div>
      </div>
      <div className="wb-field-info" data-testid="field-info">
        {shown && shownSegment
          ? fieldTitle(shownSegment.name, facts.labels[shown.segmentIndex] ?? shownSegment.name, shown.field, facts.sources.get(fieldKey(shown.segmentIndex, shown.field))).replace(/\n/g, '  ')
          : 'Hover a field for its definition; click it to see the FHIR it came from.'}
      </div>
    </div>
  );
}

/** The linked fields of one line as a stable string, so unchanged lines skip rendering. */
function linkedFieldsOf(linked: ReadonlySet<string>, segmentIndex: number): string {
  if (linked.size === 0) return '';
  const out: string[] = [];
  for (const key of linked) if (key.startsWith(`${segmentIndex}:`)) out.push(key.slice(key.indexOf(':') + 1));
  return out.join(',');
}

/**
 * What a line shows of `er7`, `segment` and `facts`, as one string. Every translation brings new
 * objects for all three, though a keystroke usually changes one field of one line: comparing this
 * instead lets the unchanged lines skip rendering.
 */
function lineSignature(er7: string, segment: Er7Segment, segmentIndex: number, facts: FieldFacts): string {
  let signature = `${facts.labels[segmentIndex] ?? ''}\u0001${er7.slice(segment.start, segment.end)}`;
  for (const field of segment.fields) {
    const key = fieldKey(segmentIndex, field.position);
    signature += `\u0001${field.position}:${field.start - segment.start}:${field.end - segment.start}:${facts.issues.get(key) ?? ''}:${facts.sources.get(key)?.join('\u0002') ?? ''}`;
  }
  return signature;
}

interface LineProps {
  top: number;
  er7: string;
  segment: Er7Segment;
  segmentIndex: number;
  facts: FieldFacts;
  /** Stands for `er7`, `segment` and `facts` when deciding whether to render again. */
  signature: string;
  pickedField: number | null;
  linkedFields: string;
}

const sameLine = (a: LineProps, b: LineProps) =>
  a.signature === b.signature && a.top === b.top && a.segmentIndex === b.segmentIndex && a.pickedField === b.pickedField && a.linkedFields === b.linkedFields;

const Er7Line = memo(function Er7Line({ top, er7, segment, segmentIndex, facts, pickedField, linkedFields }: LineProps) {
  const linked = linkedFields === '' ? [] : linkedFields.split(',').map(Number);
  const label = facts.labels[segmentIndex] ?? segment.name;
  const parts: ReactNode[] = [
    <span key="id" className={`wb-seg-id fam-${segmentFamily(segment.name)}`} title={label}>
      {segment.name}
    </span>,
  ];
  let at = segment.start + segment.name.length;
  for (const field of segment.fields) {
    if (field.start > at) parts.push(er7.slice(at, field.start));
    if (field.end > field.start) {
      const key = fieldKey(segmentIndex, field.position);
      const sources = facts.sources.get(key);
      const issue = facts.issues.get(key);
      const classes = ['wb-field'];
      if (sources) classes.push('mapped');
      if (issue) classes.push(`issue-${issue}`);
      if (pickedField === field.position) classes.push('picked');
      if (linked.includes(field.position)) classes.push('linked');
      parts.push(
        <span
          key={field.position}
          className={classes.join(' ')}
          data-seg={segmentIndex}
          data-field={field.position}
          data-v2={`${label}-${field.position}`}
          title={fieldTitle(segment.name, label, field.position, sources)}
        >
          {er7.slice(field.start, field.end)}
        </span>,
      );
    }
    at = Math.max(at, field.end);
  }
  const end = er7[segment.end - 1] === '\r' ? segment.end - 1 : segment.end;
  if (end > at) parts.push(er7.slice(at, end));
  return (
    <div className="wb-er7-line" style={{ transform: `translateY(${top}px)` }} data-segment={label}>
      {parts}
    </div>
  );
}, sameLine);
