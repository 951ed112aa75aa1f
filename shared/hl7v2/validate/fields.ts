import {
  type ComponentDefinition,
  dataTypeDefinition,
  type FieldDefinition,
  segmentFields,
} from '../definitions/dictionary';
import { hl7TableSystemName, tableDefinition } from '../definitions/tables';
import type { Er7Component, Er7Repetition, Er7Segment, Er7Span } from '../er7-message';
import { valueAt } from '../er7-message';
import { formatLocation } from '../location';
import type { V2Issue } from './issue';
import { primitiveProblem } from './primitive-checks';

interface SegmentContext {
  readonly segment: Er7Segment;
  readonly segmentIndex: number;
  readonly occurrence: number;
  readonly showOccurrence: boolean;
  readonly issues: V2Issue[];
}

/** Required fields, repetitions, lengths, data types and table values of one segment. */
export function validateSegmentFields(ctx: SegmentContext): void {
  const defs = segmentFields(ctx.segment.name);
  if (!defs) {
    if (!ctx.segment.name.startsWith('Z')) {
      push(ctx, 'warning', 'segment-unknown', `${ctx.segment.name} is not a v2.5.1 segment known to the validator`);
    }
    return;
  }
  const isHeader = ctx.segment.name === 'MSH';
  for (const field of ctx.segment.fields) {
    if (field.position > defs.length && field.repetitions.length > 0) {
      push(ctx, 'error', 'field-unknown', `${ctx.segment.name} has no field ${field.position} in v2.5.1`, field, field.position);
    }
  }
  defs.forEach((def, i) => {
    if (!def) return;
    const position = i + 1;
    if (isHeader && position <= 2) return; // separators: checked by the parser
    const field = ctx.segment.fields[i];
    const reps = field?.repetitions ?? [];
    if (reps.length === 0) {
      if (def.optionality === 'R') {
        push(ctx, 'error', 'required-field-missing', `${label(ctx, def)} is required but empty`, undefined, position);
      }
      return;
    }
    if (def.maxRepetitions > 0 && reps.length > def.maxRepetitions) {
      push(ctx, 'error', 'too-many-repetitions',
        `${label(ctx, def)} repeats ${reps.length} times; at most ${def.maxRepetitions} allowed`, field, position);
    }
    const type = def.dataType === 'VARIES' ? variesType(ctx.segment) : def.dataType;
    reps.forEach((rep, r) => {
      if (def.maxLength > 0 && rep.end - rep.start > def.maxLength && def.dataType !== 'VARIES') {
        push(ctx, 'warning', 'value-too-long',
          `${label(ctx, def)} is ${rep.end - rep.start} characters; v2.5.1 allows ${def.maxLength}`, rep, position, r + 1);
      }
      if (type) checkRepetition(ctx, def, type, rep, position, r + 1);
      if (CODED.has(type ?? '') && def.table > 0) checkCodedTable(ctx, def, rep, position, r + 1);
    });
  });
}

const CODED = new Set(['CE', 'CWE', 'CNE']);

/**
 * A coded field bound to an HL7 table whose value names that table as its coding system
 * (`SV^Severe^HL70128`): the code must be one of the table's. Other systems (local, SNOMED…) are
 * the sender's to vouch for.
 */
function checkCodedTable(ctx: SegmentContext, def: FieldDefinition, rep: Er7Repetition, position: number, repetition: number): void {
  const system = rep.components[2]?.subcomponents[0]?.value;
  const code = rep.components[0]?.subcomponents[0]?.value ?? '';
  const t = tableDefinition(def.table);
  if (!t || code === '' || system !== hl7TableSystemName(def.table) || code in t.values) return;
  const span = rep.components[0] ?? rep;
  push(ctx, t.complete ? 'error' : 'warning', 'table-value',
    `${locationText(ctx, position, repetition, 1)}: "${code}" is not in table ${String(def.table).padStart(4, '0')} (${t.name})`,
    span, position, repetition, 1);
}

/** OBX-5's type is whatever OBX-2 says. */
function variesType(segment: Er7Segment): string | undefined {
  return segment.name === 'OBX' ? valueAt(segment, 2) || undefined : undefined;
}

function checkRepetition(
  ctx: SegmentContext,
  def: FieldDefinition,
  type: string,
  rep: Er7Repetition,
  position: number,
  repetition: number,
): void {
  const typeDef = dataTypeDefinition(type);
  if (!typeDef || typeDef.components.length === 0) {
    if (rep.components.length > 1) {
      push(ctx, 'warning', 'unexpected-components',
        `${label(ctx, def)} is ${type}, a primitive type, but has components`, rep, position, repetition);
    }
    const value = rep.components[0]?.subcomponents[0]?.value ?? '';
    checkLeaf(ctx, type, def.table, value, rep, position, repetition, undefined, undefined, label(ctx, def));
    return;
  }
  rep.components.forEach((component, c) => {
    const cdef = typeDef.components[c];
    if (!cdef) {
      if (component.end > component.start) {
        push(ctx, 'warning', 'component-unknown', `${type} has no component ${c + 1}`, component, position, repetition, c + 1);
      }
      return;
    }
    checkComponent(ctx, cdef, component, position, repetition, c + 1);
  });
  typeDef.components.forEach((cdef, c) => {
    if (cdef?.optionality === 'R' && (rep.components[c]?.end ?? 0) <= (rep.components[c]?.start ?? 0)) {
      push(ctx, 'warning', 'required-component-missing',
        `${locationText(ctx, position, repetition, c + 1)} ${cdef.name} is required when ${ctx.segment.name}-${position} is sent`,
        rep, position, repetition, c + 1);
    }
  });
}

function checkComponent(
  ctx: SegmentContext,
  cdef: ComponentDefinition,
  component: Er7Component,
  position: number,
  repetition: number,
  comp: number,
): void {
  const subDef = dataTypeDefinition(cdef.dataType);
  const where = `${locationText(ctx, position, repetition, comp)} ${cdef.name}`;
  if (cdef.maxLength > 0 && component.end - component.start > cdef.maxLength) {
    push(ctx, 'warning', 'value-too-long',
      `${where} is ${component.end - component.start} characters; v2.5.1 allows ${cdef.maxLength}`, component, position, repetition, comp);
  }
  if (!subDef || subDef.components.length === 0) {
    const value = component.subcomponents[0]?.value ?? '';
    checkLeaf(ctx, cdef.dataType, cdef.table, value, component, position, repetition, comp, undefined, where);
    return;
  }
  component.subcomponents.forEach((sub, s) => {
    const sdef = subDef.components[s];
    if (!sdef) return;
    const subWhere = `${locationText(ctx, position, repetition, comp, s + 1)} ${sdef.name}`;
    checkLeaf(ctx, sdef.dataType, sdef.table, sub.value, sub, position, repetition, comp, s + 1, subWhere);
  });
}

function checkLeaf(
  ctx: SegmentContext,
  type: string,
  table: number,
  value: string,
  span: Er7Span,
  position: number,
  repetition: number,
  component: number | undefined,
  subcomponent: number | undefined,
  where: string,
): void {
  if (value === '' || value === '""') return;
  const problem = primitiveProblem(type, value);
  if (problem) {
    push(ctx, 'error', 'data-type', `${where}: ${problem}`, span, position, repetition, component, subcomponent);
    return;
  }
  if ((type === 'ID' || type === 'IS') && table > 0) {
    const t = tableDefinition(table);
    if (t && !(value in t.values)) {
      // HL7 tables (ID) are closed; user tables (IS) hold suggested values a site may extend.
      const severity = type === 'ID' && t.complete ? 'error' : 'warning';
      push(ctx, severity, 'table-value',
        `${where}: "${value}" is not in table ${String(table).padStart(4, '0')} (${t.name})`,
        span, position, repetition, component, subcomponent);
    }
  }
}

function label(ctx: SegmentContext, def: FieldDefinition): string {
  return `${locationText(ctx, def.position)} ${def.name}`;
}

function locationText(
  ctx: SegmentContext,
  field: number,
  repetition?: number,
  component?: number,
  subcomponent?: number,
): string {
  return formatLocation(
    {
      segment: ctx.segment.name,
      occurrence: ctx.occurrence,
      segmentIndex: ctx.segmentIndex,
      field,
      ...(repetition === undefined ? {} : { repetition }),
      ...(component === undefined ? {} : { component }),
      ...(subcomponent === undefined ? {} : { subcomponent }),
    },
    ctx.showOccurrence,
  );
}

function push(
  ctx: SegmentContext,
  severity: V2Issue['severity'],
  code: string,
  message: string,
  span?: Er7Span,
  field?: number,
  repetition?: number,
  component?: number,
  subcomponent?: number,
): void {
  const location = field === undefined ? ctx.segment.name : locationText(ctx, field, repetition, component, subcomponent);
  ctx.issues.push({
    severity,
    code,
    message,
    location,
    segmentIndex: ctx.segmentIndex,
    ...(span ? { start: span.start, end: span.end } : {}),
  });
}
