import { useMemo, useState } from 'react';
import type { TranslationResult } from '../../../../shared/fhir-to-v2';
import { describeField, segmentDescription, type Er7Field } from '../../../../shared/hl7v2';
import { fieldKey, segmentFamily, segmentLabels } from './er7-view-model';
import type { FieldPick } from './writeback-store';

interface Props {
  result: TranslationResult;
  picked: FieldPick | null;
  onPick(pick: FieldPick): void;
}

/** The message as a tree: segments → populated fields → components, each with its name and data type. */
export function SegmentTree({ result, picked, onPick }: Props) {
  const labels = useMemo(() => segmentLabels(result.segments), [result.segments]);
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set([0]));
  const toggle = (i: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  // The picked field's segment opens by itself.
  const isOpen = (i: number) => open.has(i) || picked?.segmentIndex === i;

  return (
    <ul className="wb-tree" data-testid="segment-tree" role="tree" aria-label="Segments and fields">
      {result.segments.map((segment, i) => (
        <li key={i} role="treeitem" aria-expanded={isOpen(i)}>
          <button type="button" className="wb-tree-seg" onClick={() => toggle(i)}>
            <span className="wb-tree-toggle">{isOpen(i) ? '▾' : '▸'}</span>
            <span className={`wb-seg-id fam-${segmentFamily(segment.name)}`}>{labels[i]}</span>
            <span className="muted">{segmentDescription(segment.name) ?? ''}</span>
          </button>
          {isOpen(i) && (
            <ul role="group">
              {segment.fields
                .filter((f) => f.repetitions.length > 0)
                .map((f) => (
                  <FieldNode
                    key={f.position}
                    segment={segment.name}
                    label={labels[i] ?? segment.name}
                    field={f}
                    er7={result.er7}
                    picked={picked?.segmentIndex === i && picked.field === f.position}
                    onPick={() => onPick({ segmentIndex: i, field: f.position })}
                    testKey={fieldKey(i, f.position)}
                  />
                ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function FieldNode(props: { segment: string; label: string; field: Er7Field; er7: string; picked: boolean; onPick(): void; testKey: string }) {
  const { segment, label, field, er7, picked, onPick } = props;
  const description = describeField(segment, field.position).label.replace(`${segment}-`, `${label}-`);
  const components = field.repetitions[0]?.components ?? [];
  return (
    <li role="treeitem" aria-selected={picked}>
      <button type="button" className={`wb-tree-field${picked ? ' picked' : ''}`} onClick={onPick} data-field-key={props.testKey}>
        <span className="wb-tree-name">{description}</span>
        <code>{er7.slice(field.start, field.end)}</code>
      </button>
      {components.length > 1 && (
        <ul role="group" className="wb-tree-components">
          {components.map((c, ci) =>
            c.end > c.start ? (
              <li key={ci} role="treeitem">
                <span className="wb-tree-name">{describeField(segment, field.position, ci + 1).label.replace(`${segment}-`, `${label}-`)}</span>
                <code>{c.subcomponents.map((s) => s.value).join('&')}</code>
              </li>
            ) : null,
          )}
        </ul>
      )}
    </li>
  );
}
