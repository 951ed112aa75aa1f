import type { CapabilitySummary, ResourceCapability } from '../../../shared/contract';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const codes = (v: unknown): string[] =>
  arr(v)
    .map((i) => str(obj(i)?.code))
    .filter((c): c is string => c !== null);
const strings = (v: unknown): string[] => arr(v).filter((s): s is string => typeof s === 'string');

/** The parts of a CapabilityStatement a console shows and the composer uses; null when it is not one. */
export function summarizeCapabilityStatement(body: unknown, fetchedAt: string): CapabilitySummary | null {
  const cs = obj(body);
  if (!cs || cs.resourceType !== 'CapabilityStatement') return null;
  const rest = arr(cs.rest).map(obj).find((r) => r?.mode === 'server') ?? obj(arr(cs.rest)[0]);
  const security = obj(rest?.security);
  const services = arr(security?.service).flatMap((s) => {
    const c = obj(s);
    const coding = arr(c?.coding).map(obj);
    return [str(c?.text), ...coding.map((x) => str(x?.code) ?? str(x?.display))].filter((x): x is string => x !== null).slice(0, 1);
  });
  const resources: ResourceCapability[] = arr(rest?.resource)
    .map(obj)
    .filter((r): r is Json => r !== null && str(r.type) !== null)
    .map((r) => ({
      type: str(r.type) ?? '',
      interactions: codes(r.interaction),
      searchParams: arr(r.searchParam)
        .map(obj)
        .filter((p): p is Json => p !== null && str(p.name) !== null)
        .map((p) => ({ name: str(p.name) ?? '', type: str(p.type) ?? 'unknown' })),
      searchInclude: strings(r.searchInclude),
      searchRevInclude: strings(r.searchRevInclude),
      profile: str(r.profile),
    }))
    .sort((a, b) => a.type.localeCompare(b.type));
  const software = obj(cs.software);
  return {
    fetchedAt,
    fhirVersion: str(cs.fhirVersion),
    software: { name: str(software?.name), version: str(software?.version) },
    implementation: str(obj(cs.implementation)?.description) ?? str(obj(cs.implementation)?.url),
    publisher: str(cs.publisher),
    formats: strings(cs.format),
    security: services,
    systemInteractions: codes(rest?.interaction),
    resources,
  };
}
