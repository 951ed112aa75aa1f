/** `application/json`, `application/fhir+json` and any other `+json` type, ignoring parameters. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const essence = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return essence === 'application/json' || /^[a-z]+\/[a-z0-9.+-]*\+json$/.test(essence);
}
