import type { FieldTuple, Optionality, StructureNode } from './dictionary-types';
import { V251_DATA } from './v251-data';

/** A field of a segment, as the editor shows it in a tooltip: `PID-5 Patient Name (XPN)`. */
export interface FieldDefinition {
  readonly segment: string;
  readonly position: number;
  readonly name: string;
  readonly dataType: string;
  readonly optionality: Optionality;
  /** 0 = unbounded. */
  readonly maxRepetitions: number;
  /** 0 = not defined. */
  readonly maxLength: number;
  /** HL7 / user table number, 0 when none. */
  readonly table: number;
}

export interface ComponentDefinition {
  readonly position: number;
  readonly name: string;
  readonly dataType: string;
  readonly optionality: Optionality;
  readonly maxLength: number;
  readonly table: number;
}

export interface DataTypeDefinition {
  readonly name: string;
  readonly description: string;
  /** Empty for primitive types. */
  readonly components: readonly (ComponentDefinition | undefined)[];
}

/** The versions the bundled definitions describe. Other versions are validated against 2.5.1. */
export const DEFINED_VERSION = '2.5.1';

const fieldCache = new Map<string, readonly (FieldDefinition | undefined)[]>();

export function segmentDescription(segment: string): string | undefined {
  return V251_DATA.segments[segment]?.[0];
}

/** All fields of a segment (index 0 = field 1), or undefined for a segment the definitions lack. */
export function segmentFields(segment: string): readonly (FieldDefinition | undefined)[] | undefined {
  const cached = fieldCache.get(segment);
  if (cached) return cached;
  const def = V251_DATA.segments[segment];
  if (!def) return undefined;
  const fields = def[1].map((t, i) => (t ? toField(segment, i + 1, t) : undefined));
  fieldCache.set(segment, fields);
  return fields;
}

export function fieldDefinition(segment: string, position: number): FieldDefinition | undefined {
  return segmentFields(segment)?.[position - 1];
}

const typeCache = new Map<string, DataTypeDefinition>();

export function dataTypeDefinition(name: string): DataTypeDefinition | undefined {
  const cached = typeCache.get(name);
  if (cached) return cached;
  const def = V251_DATA.types[name];
  if (!def) return undefined;
  const out: DataTypeDefinition = {
    name,
    description: def[0],
    components: def[1].map((c, i) =>
      c
        ? {
            position: i + 1,
            name: c[0],
            dataType: c[1],
            optionality: c[2] as Optionality,
            maxLength: c[3],
            table: c[4],
          }
        : undefined,
    ),
  };
  typeCache.set(name, out);
  return out;
}

export function isPrimitiveType(name: string): boolean {
  const def = dataTypeDefinition(name);
  return def === undefined || def.components.length === 0;
}

export function messageStructure(structure: string): readonly StructureNode[] | undefined {
  return V251_DATA.messages[structure];
}

function toField(segment: string, position: number, t: FieldTuple): FieldDefinition {
  return {
    segment,
    position,
    name: t[0],
    dataType: t[1],
    optionality: t[2] as Optionality,
    maxRepetitions: t[3],
    maxLength: t[4],
    table: t[5],
  };
}

export interface LocationDescription {
  /** e.g. `PID-5 Patient Name (XPN)` or `PID-5.1 Family Name (FN)`. */
  readonly label: string;
  readonly field?: FieldDefinition;
  readonly component?: ComponentDefinition;
  readonly subcomponent?: ComponentDefinition;
}

/** Tooltip text for a segment / field / component / subcomponent. */
export function describeField(
  segment: string,
  field: number,
  component?: number,
  subcomponent?: number,
): LocationDescription {
  const f = fieldDefinition(segment, field);
  const base = `${segment}-${field}`;
  if (!f) return { label: `${base} (not defined in ${DEFINED_VERSION})` };
  if (component === undefined) return { label: `${base} ${f.name} (${f.dataType})`, field: f };
  const c = dataTypeDefinition(f.dataType)?.components[component - 1];
  if (!c) return { label: `${base}.${component} (component not defined for ${f.dataType})`, field: f };
  if (subcomponent === undefined) return { label: `${base}.${component} ${c.name} (${c.dataType})`, field: f, component: c };
  const s = dataTypeDefinition(c.dataType)?.components[subcomponent - 1];
  if (!s) return { label: `${base}.${component}.${subcomponent} (not defined for ${c.dataType})`, field: f, component: c };
  return {
    label: `${base}.${component}.${subcomponent} ${s.name} (${s.dataType})`,
    field: f,
    component: c,
    subcomponent: s,
  };
}
