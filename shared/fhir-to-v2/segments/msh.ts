import { SegmentBuilder, leaf, toV2DateTime, type V2SegmentDraft } from '../../hl7v2';
import type { MappingContext } from '../context';
import { hdFromOption } from '../datatypes/hd';

export interface MessageType {
  readonly code: string;
  readonly event: string;
  readonly structure: string;
}

export function formatMessageType(t: MessageType): string {
  return `${t.code}^${t.event}^${t.structure}`;
}

/** MSH from the destination's options; MSH-1/2 are written by the encoder from the delimiters. */
export function buildMsh(ctx: MappingContext, type: MessageType, controlId: string, now: string): V2SegmentDraft {
  const o = ctx.options;
  const time = toV2DateTime(now);
  const msh = new SegmentBuilder('MSH')
    .set(3, hdFromOption(ctx, o.sendingApplication, 'options.sendingApplication'))
    .set(4, hdFromOption(ctx, o.sendingFacility, 'options.sendingFacility'))
    .set(5, hdFromOption(ctx, o.receivingApplication, 'options.receivingApplication'))
    .set(6, hdFromOption(ctx, o.receivingFacility, 'options.receivingFacility'))
    .set(7, time.ok ? leaf(time.value, [], o.now ? 'options.now' : 'time of translation') : undefined)
    .set(9, [leaf(type.code, [], 'message type'), leaf(type.event, [], 'trigger event'), leaf(type.structure, [], 'structure (table 0354)')])
    .set(10, leaf(controlId, [], `control ID (${o.controlIdStrategy})`))
    .set(11, leaf(o.processingId, [], 'options.processingId'))
    .set(12, leaf(o.version, [], 'options.version'))
    .set(15, ctx.fixed(o.acceptAckType, 'options.acceptAckType'))
    .set(16, ctx.fixed(o.applicationAckType, 'options.applicationAckType'))
    .set(18, ctx.fixed(o.characterSet, 'options.characterSet'))
    .set(21, o.messageProfile ? [ctx.fixed(o.messageProfile, 'options.messageProfile')] : undefined);
  if (!time.ok) ctx.issue('error', 'invalid-date', `options.now: ${time.error}`, undefined, 'MSH-7');
  return msh.draft;
}

/** EVN: event type (backward compatible), recorded time, operator. */
export function buildEvn(ctx: MappingContext, event: string, now: string, occurred?: { value?: string; path: string }): V2SegmentDraft {
  const time = toV2DateTime(now);
  return new SegmentBuilder('EVN')
    .set(1, ctx.fixed(event, 'trigger event'))
    .set(2, time.ok ? leaf(time.value, [], 'time of translation') : undefined)
    .set(5, ctx.options.operator ? [undefined, ctx.fixed(ctx.options.operator, 'options.operator')] : undefined)
    .set(6, occurred ? ctx.dateTime(occurred.value, occurred.path, 'EVN-6') : undefined).draft;
}
