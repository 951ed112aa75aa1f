import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEART_RATE_COUNT_PAT_1, startFhirTestServer, type FhirTestServer } from './index';

interface Bundle {
  resourceType: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: { fullUrl?: string; resource?: { resourceType: string; id?: string }; search?: { mode?: string } }[];
}

const get = async (url: string, init?: RequestInit) => {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, json: (await res.json()) as Bundle & Record<string, unknown> };
};

describe('FHIR test server', () => {
  let server: FhirTestServer;
  beforeAll(async () => {
    server = await startFhirTestServer();
  });
  afterAll(() => server.close());

  it('serves a CapabilityStatement with resources, search params and interactions', async () => {
    const { status, json } = await get(`${server.baseUrl}/metadata`);
    expect(status).toBe(200);
    expect(json.resourceType).toBe('CapabilityStatement');
    const rest = (json.rest as { resource: { type: string; searchParam: { name: string }[]; interaction: { code: string }[] }[] }[])[0];
    const obs = rest?.resource.find((r) => r.type === 'Observation');
    expect(obs?.searchParam.map((p) => p.name)).toEqual(expect.arrayContaining(['code', 'patient', 'date', 'category']));
    expect(obs?.interaction.map((i) => i.code)).toContain('search-type');
  });

  it('pages a search of more than 200 matches with self/next/previous links', async () => {
    let url: string | undefined = `${server.baseUrl}/Observation?patient=Patient/pat-1&code=http://loinc.org|8867-4&_count=100`;
    const ids = new Set<string>();
    let pages = 0;
    let sawPrevious = false;
    while (url) {
      const { json } = await get(url);
      pages++;
      expect(json.total).toBe(HEART_RATE_COUNT_PAT_1);
      expect(json.link?.find((l) => l.relation === 'self')).toBeDefined();
      sawPrevious ||= json.link?.some((l) => l.relation === 'previous') ?? false;
      for (const e of json.entry ?? []) {
        expect(e.search?.mode).toBe('match');
        expect(e.fullUrl).toBe(`${server.baseUrl}/Observation/${e.resource?.id}`);
        ids.add(e.resource?.id ?? '');
      }
      url = json.link?.find((l) => l.relation === 'next')?.url;
    }
    expect(pages).toBe(3);
    expect(ids.size).toBe(HEART_RATE_COUNT_PAT_1);
    expect(sawPrevious).toBe(true);
  });

  it('answers POST _search (form-encoded) like GET', async () => {
    const { status, json } = await get(`${server.baseUrl}/Patient/_search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'identifier=http://hospital.example.org/mrn|MRN-1002',
    });
    expect(status).toBe(200);
    expect(json.entry?.map((e) => e.resource?.id)).toEqual(['pat-2']);
  });

  it('supports _include, _revinclude, chaining and _has', async () => {
    const inc = await get(`${server.baseUrl}/Observation?code=http://loinc.org|718-7&_include=Observation:subject&_count=50`);
    expect(inc.json.entry?.filter((e) => e.search?.mode === 'match')).toHaveLength(5);
    expect(inc.json.entry?.filter((e) => e.search?.mode === 'include').map((e) => e.resource?.resourceType)).toEqual(
      Array(5).fill('Patient'),
    );
    const rev = await get(`${server.baseUrl}/Patient?_id=pat-2&_revinclude=Condition:subject`);
    expect(rev.json.entry?.map((e) => `${e.resource?.resourceType}/${e.search?.mode}`)).toEqual(['Patient/match', 'Condition/include']);
    const chained = await get(`${server.baseUrl}/Observation?subject:Patient.family=Okafor&code=http://loinc.org|2339-0`);
    expect(chained.json.entry?.map((e) => e.resource?.id)).toEqual(['lab-2-2']);
    const has = await get(`${server.baseUrl}/Patient?_has:Observation:patient:code=http://loinc.org|85354-9`);
    expect(has.json.entry?.map((e) => e.resource?.id).sort()).toEqual(['pat-2', 'pat-3', 'pat-4', 'pat-5']);
  });

  it('reports an unsupported parameter in a 200 Bundle with an outcome entry', async () => {
    const { status, json } = await get(`${server.baseUrl}/Patient?family=Alvarez&nonsense=1`);
    expect(status).toBe(200);
    expect(json.entry?.map((e) => e.search?.mode)).toEqual(['match', 'outcome']);
    expect(json.entry?.[1]?.resource?.resourceType).toBe('OperationOutcome');
  });

  it('creates with 201 and Location, and answers errors with an OperationOutcome', async () => {
    const res = await fetch(`${server.baseUrl}/Patient`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Patient', name: [{ family: 'New' }] }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${server.baseUrl}/Patient/[^/]+/_history/`));
    const missing = await get(`${server.baseUrl}/Patient/does-not-exist`);
    expect(missing.status).toBe(404);
    expect(missing.json.resourceType).toBe('OperationOutcome');
  });
});

describe('FHIR test server with auth', () => {
  it('requires a bearer token from its token endpoint, and issues one for a client secret', async () => {
    const server = await startFhirTestServer({ auth: true, clients: [{ clientId: 'c1', secret: 's3cret' }] });
    try {
      expect((await fetch(`${server.baseUrl}/Patient`)).status).toBe(401);
      expect((await fetch(`${server.baseUrl}/metadata`)).status).toBe(200);
      const refused = await fetch(server.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=c1&client_secret=wrong',
      });
      expect(refused.status).toBe(401);
      const ok = await fetch(server.tokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=c1&client_secret=s3cret',
      });
      const { access_token } = (await ok.json()) as { access_token: string };
      const authed = await fetch(`${server.baseUrl}/Patient?_count=1`, { headers: { Authorization: `Bearer ${access_token}` } });
      expect(authed.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
