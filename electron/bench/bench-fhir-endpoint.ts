import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A tiny FHIR endpoint for benchmarks, on 127.0.0.1 only: `metadata` answers a minimal
 * CapabilityStatement and any Observation search (GET or POST `_search`) answers one searchset
 * Bundle built once, so every run sends the same bytes. It records when each search response
 * was completely handed to the socket, as the "response received" reference time.
 */
export interface BenchFhirEndpoint {
  readonly baseUrl: string;
  readonly bundleBytes: number;
  readonly entryCount: number;
  /** Epoch milliseconds (sub-millisecond precision) when the last search response finished sending. */
  lastSearchSentAt(): number | null;
  resetSearchTiming(): void;
  close(): Promise<void>;
}

/** A small deterministic generator, so every run and machine sees the same Bundle. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Kind {
  code: string;
  display: string;
  category: 'vital-signs' | 'laboratory';
  unit: string;
  low: number;
  high: number;
  refLow: number;
  refHigh: number;
  decimals: number;
}

const KINDS: readonly Kind[] = [
  { code: '8867-4', display: 'Heart rate', category: 'vital-signs', unit: '/min', low: 48, high: 130, refLow: 60, refHigh: 100, decimals: 0 },
  { code: '8310-5', display: 'Body temperature', category: 'vital-signs', unit: 'Cel', low: 35.8, high: 39.4, refLow: 36.1, refHigh: 37.8, decimals: 1 },
  { code: '9279-1', display: 'Respiratory rate', category: 'vital-signs', unit: '/min', low: 10, high: 28, refLow: 12, refHigh: 20, decimals: 0 },
  { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', category: 'vital-signs', unit: '%', low: 86, high: 100, refLow: 94, refHigh: 100, decimals: 0 },
  { code: '29463-7', display: 'Body weight', category: 'vital-signs', unit: 'kg', low: 42, high: 130, refLow: 0, refHigh: 0, decimals: 1 },
  { code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', category: 'laboratory', unit: 'g/dL', low: 8.5, high: 18, refLow: 12, refHigh: 16, decimals: 1 },
  { code: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma', category: 'laboratory', unit: 'mg/dL', low: 60, high: 260, refLow: 70, refHigh: 99, decimals: 0 },
  { code: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', category: 'laboratory', unit: 'mg/dL', low: 0.4, high: 3.1, refLow: 0.7, refHigh: 1.3, decimals: 2 },
  { code: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', category: 'laboratory', unit: 'mmol/L', low: 125, high: 152, refLow: 135, refHigh: 145, decimals: 0 },
  { code: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', category: 'laboratory', unit: '10*3/uL', low: 2.1, high: 19.5, refLow: 4.5, refHigh: 11, decimals: 1 },
];

const FAMILIES = ['Alvarez', 'Nguyen', 'Okafor', 'Schmidt', 'Kowalski', 'Haddad', 'Tanaka', 'Moreau', 'Lindqvist', 'Patel'];
const GIVEN = ['Maria', 'Daniel', 'Amara', 'Jonas', 'Aiko', 'Omar', 'Ingrid', 'Luca', 'Priya', 'Samuel'];

/** One realistic vital sign or lab result; `padding` adds a narrative note to make resources bigger. */
function observation(i: number, rand: () => number, padding: number): Record<string, unknown> {
  const kind = KINDS[i % KINDS.length] as Kind;
  const patient = Math.floor(rand() * 2_000);
  const value = Number((kind.low + rand() * (kind.high - kind.low)).toFixed(kind.decimals));
  const when = new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 365 * 24 * 3600) * 1000);
  const hasRange = kind.refHigh > 0;
  const flag = !hasRange ? 'N' : value < kind.refLow ? 'L' : value > kind.refHigh ? 'H' : 'N';
  const id = `obs-${String(i).padStart(6, '0')}`;
  const resource: Record<string, unknown> = {
    resourceType: 'Observation',
    id,
    meta: { lastUpdated: new Date(when.getTime() + 3_600_000).toISOString() },
    identifier: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.2.798268', value: `${900_000_000 + i}` }],
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: kind.category,
            display: kind.category === 'laboratory' ? 'Laboratory' : 'Vital Signs',
          },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: kind.code, display: kind.display }], text: kind.display },
    subject: {
      reference: `Patient/pat-${patient}`,
      display: `${GIVEN[patient % GIVEN.length] ?? ''} ${FAMILIES[(patient >> 3) % FAMILIES.length] ?? ''}`,
    },
    effectiveDateTime: when.toISOString(),
    issued: new Date(when.getTime() + 1_800_000).toISOString(),
    performer: [{ reference: `Practitioner/pr-${i % 40}`, display: 'Clinical Laboratory' }],
    valueQuantity: { value, unit: kind.unit, system: 'http://unitsofmeasure.org', code: kind.unit },
    interpretation: [
      { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: flag }] },
    ],
  };
  if (hasRange) {
    resource.referenceRange = [
      {
        low: { value: kind.refLow, unit: kind.unit, system: 'http://unitsofmeasure.org', code: kind.unit },
        high: { value: kind.refHigh, unit: kind.unit, system: 'http://unitsofmeasure.org', code: kind.unit },
      },
    ];
  }
  if (padding > 0) {
    const sentence = `Specimen received ${when.toISOString().slice(0, 10)}; result reviewed and verified by the laboratory. `;
    resource.note = [{ text: sentence.repeat(Math.ceil(padding / sentence.length)).slice(0, padding) }];
  }
  return resource;
}

/** A searchset Bundle of `count` Observations, serialised once. */
export function observationBundle(count: number, baseUrl: string, padding = 0): Buffer {
  const rand = prng(20_240_301);
  const entry = Array.from({ length: count }, (_, i) => {
    const resource = observation(i, rand, padding);
    return { fullUrl: `${baseUrl}/Observation/${String(resource.id)}`, resource, search: { mode: 'match' } };
  });
  const bundle = {
    resourceType: 'Bundle',
    id: 'bench-searchset',
    meta: { lastUpdated: '2024-12-31T23:59:59Z' },
    type: 'searchset',
    total: count,
    link: [{ relation: 'self', url: `${baseUrl}/Observation` }],
    entry,
  };
  return Buffer.from(JSON.stringify(bundle));
}

function capabilityStatement(): Buffer {
  return Buffer.from(
    JSON.stringify({
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: '2024-12-31',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
      rest: [
        {
          mode: 'server',
          resource: [
            {
              type: 'Observation',
              interaction: [{ code: 'read' }, { code: 'search-type' }],
              searchParam: [
                { name: 'code', type: 'token' },
                { name: 'category', type: 'token' },
                { name: 'date', type: 'date' },
                { name: 'subject', type: 'reference' },
                { name: 'patient', type: 'reference' },
              ],
            },
          ],
        },
      ],
    }),
  );
}

/** Starts the endpoint on 127.0.0.1 with an ephemeral port. `padding` bytes of note per resource. */
export async function startBenchFhirEndpoint(entryCount: number, padding = 0): Promise<BenchFhirEndpoint> {
  let bundle: Buffer = Buffer.alloc(0);
  const metadata = capabilityStatement();
  let sentAt: number | null = null;

  const send = (res: ServerResponse, status: number, body: Buffer, onSent?: () => void) => {
    res.writeHead(status, { 'content-type': 'application/fhir+json; charset=utf-8', 'content-length': body.byteLength });
    if (onSent) res.once('finish', onSent);
    res.end(body);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Drain any request body (POST _search) before answering.
    req.resume();
    req.once('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (req.method === 'GET' && path.endsWith('/metadata')) return send(res, 200, metadata);
      if ((req.method === 'GET' || req.method === 'POST') && /\/Observation(\/_search)?$/.test(path)) {
        return send(res, 200, bundle, () => {
          sentAt = performance.timeOrigin + performance.now();
        });
      }
      send(res, 404, Buffer.from(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] })));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/fhir`;
  bundle = observationBundle(entryCount, baseUrl, padding);
  return {
    baseUrl,
    bundleBytes: bundle.byteLength,
    entryCount,
    lastSearchSentAt: () => sentAt,
    resetSearchTiming: () => {
      sentAt = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
