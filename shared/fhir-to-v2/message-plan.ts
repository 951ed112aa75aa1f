import type { Resource } from '@medplum/fhirtypes';
import type { V2SegmentDraft } from '../hl7v2';
import type { MappingContext } from './context';
import type { Located } from './input';
import type { MessageType } from './segments/msh';

/** What one focus resource type becomes: the message type and the segments after MSH (and EVN). */
export interface MessagePlan {
  readonly type: MessageType;
  /** Whether the structure has an EVN after MSH. */
  readonly evn: boolean;
  readonly build: () => V2SegmentDraft[];
  /** EVN-6, when the resource says when the event occurred. */
  readonly occurred?: { value?: string; path: string };
}

export type Planner = (ctx: MappingContext, focus: readonly Located<Resource>[], event?: string) => MessagePlan | undefined;

/** Structure per trigger for the ADT and SIU families (table 0354). */
export const ADT_STRUCTURES: Readonly<Record<string, string>> = {
  A01: 'ADT_A01', A04: 'ADT_A01', A08: 'ADT_A01', A13: 'ADT_A01', A03: 'ADT_A03', A11: 'ADT_A09',
  A05: 'ADT_A05', A28: 'ADT_A05', A31: 'ADT_A05', A14: 'ADT_A05', A60: 'ADT_A60',
};
