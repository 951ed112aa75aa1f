import type { CodeableConcept, Coding } from '@medplum/fhirtypes';
import type { V2Leaf } from '../../hl7v2';
import { v2SystemName } from '../codes/code-systems';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';

/**
 * CE ← CodeableConcept: coding[0] → CE.1-3, coding[1] → CE.4-6 (the IG's CWE rule narrowed to the
 * six CE components of 2.5.1). Without codings, `text` goes to CE.2 alone.
 */
export function ceFromConcept(
  ctx: MappingContext,
  concept: CodeableConcept | undefined,
  path: string,
  location: string,
): (V2Leaf | undefined)[] | undefined {
  if (!concept) return undefined;
  const codings = concept.coding ?? [];
  const first = codings[0];
  if (!first) return concept.text ? [undefined, ctx.leaf(concept.text, child(path, 'text'))] : undefined;
  const primary = codingParts(ctx, first, child(path, 'coding', 0), location, concept.text, child(path, 'text'));
  const second = codings[1];
  const alternate = second ? codingParts(ctx, second, child(path, 'coding', 1), location) : [];
  return [...primary, ...alternate];
}

export function ceFromCoding(
  ctx: MappingContext,
  coding: Coding | undefined,
  path: string,
  location: string,
): (V2Leaf | undefined)[] | undefined {
  return coding ? codingParts(ctx, coding, path, location) : undefined;
}

function codingParts(
  ctx: MappingContext,
  coding: Coding,
  path: string,
  location: string,
  fallbackText?: string,
  fallbackPath?: string,
): (V2Leaf | undefined)[] {
  const text = coding.display
    ? ctx.leaf(coding.display, child(path, 'display'))
    : fallbackText && fallbackPath
      ? ctx.leaf(fallbackText, fallbackPath)
      : undefined;
  return [ctx.leaf(coding.code, child(path, 'code')), text, systemLeaf(ctx, coding.system, child(path, 'system'), location)];
}

export function systemLeaf(ctx: MappingContext, system: string | undefined, path: string, location: string): V2Leaf | undefined {
  if (!system) return undefined;
  const name = v2SystemName(system, ctx.options.codeSystems);
  if (name) return ctx.leaf(name, path, `code system ${system} → ${name}`);
  ctx.issue(
    'warning',
    'unknown-code-system',
    `Unknown code system ${system}: sent as local (L). Map it in the destination's codeSystems to send its v2 name.`,
    path,
    location,
  );
  return ctx.leaf('L', path, 'unknown code system → L (local)');
}

/** The first coding's code of a concept (for fields that take a bare table code). */
export function firstCode(concept: CodeableConcept | undefined): { code: string; index: number } | undefined {
  const i = concept?.coding?.findIndex((c) => c.code !== undefined) ?? -1;
  const code = i >= 0 ? concept?.coding?.[i]?.code : undefined;
  return code === undefined ? undefined : { code, index: i };
}
