/**
 * zod schemas for the search model, so the contract can validate a model arriving from the
 * renderer, a saved query file or the CLI. Kept in step with `search-model.ts` by the type
 * assertions at the bottom (a drift fails `tsc`).
 */
import { z } from 'zod';
import {
  CONTAINED_MODES,
  CONTAINED_TYPE_MODES,
  type SearchEntry,
  type SearchModel,
  SEARCH_PREFIXES,
  type SearchValue,
  SUMMARY_MODES,
  TOTAL_MODES,
} from './search-model';

export const searchPrefixSchema = z.enum(SEARCH_PREFIXES);

export const searchValueSchema: z.ZodType<SearchValue> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('string'), value: z.string() }),
    z.object({ kind: z.literal('text'), value: z.string() }),
    z.object({ kind: z.literal('token'), system: z.string().optional(), code: z.string() }),
    z.object({ kind: z.literal('of-type'), system: z.string(), code: z.string(), value: z.string() }),
    z.object({ kind: z.literal('date'), prefix: searchPrefixSchema.optional(), value: z.string() }),
    z.object({ kind: z.literal('number'), prefix: searchPrefixSchema.optional(), value: z.string() }),
    z.object({
      kind: z.literal('quantity'),
      prefix: searchPrefixSchema.optional(),
      value: z.string(),
      system: z.string().optional(),
      code: z.string().optional(),
    }),
    z.object({ kind: z.literal('reference'), resourceType: z.string().optional(), id: z.string() }),
    z.object({ kind: z.literal('composite'), parts: z.array(searchValueSchema) }),
  ]),
);

const nonEmpty = z.string().min(1);

export const searchParameterEntrySchema = z.object({
  kind: z.literal('search'),
  name: nonEmpty,
  modifier: nonEmpty.optional(),
  chain: z.array(z.object({ parameter: nonEmpty, targetType: nonEmpty.optional() })).optional(),
  has: z.array(z.object({ resourceType: nonEmpty, parameter: nonEmpty })).optional(),
  values: z.array(searchValueSchema),
});

export const includeEntrySchema = z.object({
  kind: z.literal('include'),
  reverse: z.boolean(),
  iterate: z.boolean(),
  sourceType: nonEmpty,
  parameter: nonEmpty.optional(),
  targetType: nonEmpty.optional(),
});

export const searchEntrySchema = z.discriminatedUnion('kind', [
  searchParameterEntrySchema,
  includeEntrySchema,
  z.object({ kind: z.literal('sort'), keys: z.array(z.object({ parameter: nonEmpty, descending: z.boolean() })) }),
  z.object({ kind: z.literal('count'), count: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('summary'), mode: z.enum(SUMMARY_MODES) }),
  z.object({ kind: z.literal('elements'), elements: z.array(nonEmpty) }),
  z.object({ kind: z.literal('total'), mode: z.enum(TOTAL_MODES) }),
  z.object({ kind: z.literal('contained'), mode: z.enum(CONTAINED_MODES) }),
  z.object({ kind: z.literal('contained-type'), mode: z.enum(CONTAINED_TYPE_MODES) }),
  z.object({ kind: z.literal('raw'), text: z.string() }),
]);

export const searchModelSchema = z.object({
  resourceType: nonEmpty.optional(),
  compartment: z.object({ resourceType: nonEmpty, id: nonEmpty }).optional(),
  parameters: z.array(searchEntrySchema),
});

// Compile-time check that the schemas and the hand-written types describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <T extends true>(): T | undefined => undefined;
assertSame<Same<z.infer<typeof searchEntrySchema>, SearchEntry>>();
assertSame<Same<z.infer<typeof searchModelSchema>, SearchModel>>();
