import { z } from 'zod';

/** What the writeback does, kept with a template so it picks the same trigger (A31, S13…) when reopened. */
export const TemplateIntent = z
  .object({
    action: z.enum(['create', 'update', 'cancel', 'delete']).optional(),
    changed: z.array(z.string().max(100)).max(100).optional(),
    previousStatus: z.string().max(100).optional(),
  })
  .strict();
export type TemplateIntent = z.infer<typeof TemplateIntent>;

/** A writeback the user saved by name in the editor, to start from again (the built-in templates live in the renderer). */
export const WritebackTemplate = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  /** The FHIR JSON as it was in the editor (kept as text: formatting and key order are the user's). */
  text: z.string(),
  intent: TemplateIntent,
  updatedAt: z.iso.datetime(),
});
export type WritebackTemplate = z.infer<typeof WritebackTemplate>;

export const WritebackTemplateSaveInput = z
  .object({
    /** Absent: create. Names are unique; saving under an existing name replaces that template. */
    id: z.number().int().positive().optional(),
    name: z.string().trim().min(1).max(200),
    text: z.string().max(5_000_000),
    intent: TemplateIntent.default({}),
  })
  .strict();
export type WritebackTemplateSaveInput = z.input<typeof WritebackTemplateSaveInput>;
