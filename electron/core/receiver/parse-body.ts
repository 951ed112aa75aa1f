import type { ParseStatus } from '../../../shared/contract';
import { isJsonMediaType } from './media-type';

type ParsedBody =
  | { status: 'ok'; json: unknown; error: null }
  | { status: Exclude<ParseStatus, 'ok'>; json: null; error: string };

/** JSON (any JSON media type, or none declared) decoded as strict UTF-8, else why not. */
export function parseNotificationBody(bytes: Uint8Array, contentType: string | null): ParsedBody {
  // A missing Content-Type is tolerated when the body is JSON; a declared non-JSON type is not.
  if (contentType !== null && !isJsonMediaType(contentType)) {
    return {
      status: 'unsupported-media-type',
      json: null,
      error: `Content-Type ${contentType} is not JSON; send application/json or application/fhir+json.`,
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { status: 'ok', json: JSON.parse(text) as unknown, error: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'malformed-json', json: null, error: `Body is not valid JSON: ${reason}` };
  }
}

