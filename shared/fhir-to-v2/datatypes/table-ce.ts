import { hl7TableSystemName, tableDefinition, type V2Leaf } from '../../hl7v2';
import type { MappingContext } from '../context';

/**
 * CE for a code of an HL7 table: code^table text^HL7nnnn. The code comes from `paths` (it was
 * mapped from FHIR there); the text and system name come from the table, so they carry the rule.
 */
export function tableCe(
  ctx: MappingContext,
  code: string,
  table: number,
  paths: string | readonly string[],
  via: string,
): (V2Leaf | undefined)[] {
  const name = hl7TableSystemName(table);
  const text = tableDefinition(table)?.values[code];
  return [ctx.leaf(code, paths, via), ctx.fixed(text, `table ${name.slice(3)} text`), ctx.fixed(name, `HL7 table ${name.slice(3)}`)];
}
