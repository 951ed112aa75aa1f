import type { TranslateOptions } from '../../../../shared/fhir-to-v2';
import type { PreviewOutput } from './preview-compute';

/** Editor → preview worker: one version of the text, with the destination's translator options. */
export interface PreviewRequest {
  readonly id: number;
  readonly text: string;
  readonly options: TranslateOptions;
}

/** Preview worker → editor: the answer for request `id`. */
export type PreviewResponse = PreviewOutput & { readonly id: number };
