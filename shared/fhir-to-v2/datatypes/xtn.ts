import type { ContactPoint } from '@medplum/fhirtypes';
import type { V2Component } from '../../hl7v2';
import { mapCode, TELECOM_SYSTEM, TELECOM_USE } from '../codes/code-maps';
import type { MappingContext } from '../context';
import { child } from '../fhir-path';

/**
 * XTN ← ContactPoint. Phone numbers go in XTN.1 as written (structured country/area/local parts
 * cannot be recovered reliably from free text); e-mail goes in XTN.4 with use NET.
 */
export function xtnFromContact(ctx: MappingContext, cp: ContactPoint, path: string): (V2Component | undefined)[] | undefined {
  if (!cp.value) return undefined;
  const equipment = cp.use === 'mobile' ? 'CP' : mapCode(TELECOM_SYSTEM, cp.system);
  const email = cp.system === 'email';
  const use = email ? 'NET' : mapCode(TELECOM_USE, cp.use);
  const usePath = email ? child(path, 'system') : child(path, 'use');
  return [
    email ? undefined : ctx.leaf(cp.value, child(path, 'value')),
    use ? ctx.leaf(use, usePath, `${email ? 'email' : cp.use} → ${use} (table 0201)`) : undefined,
    equipment ? ctx.leaf(equipment, cp.use === 'mobile' ? child(path, 'use') : child(path, 'system'), `→ ${equipment} (table 0202)`) : undefined,
    email ? ctx.leaf(cp.value, child(path, 'value')) : undefined,
  ];
}
