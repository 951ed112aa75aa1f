import { describe, expect, it } from 'vitest';
import { emptyDraft, toSaveInput } from './form-model';

describe('connection form model', () => {
  it('sends only typed secrets, null for cleared ones, and nothing for the rest (kept)', () => {
    const input = toSaveInput({
      ...emptyDraft,
      id: 'c1',
      name: 'Sandbox',
      baseUrl: 'https://fhir.example.org/r4/',
      authType: 'client-credentials',
      clientId: 'abc',
      tokenUrl: '',
      secrets: { clientSecret: 's', token: '' },
      clear: ['password'],
    });
    expect(input.secrets).toEqual({ clientSecret: 's', password: null });
    expect(input.baseUrl).toBe('https://fhir.example.org/r4');
    expect(input.auth).toEqual({ type: 'client-credentials', clientId: 'abc', clientAuth: 'basic', tokenUrl: null, scope: 'system/*.rs' });
  });

  it('gives Redox its token endpoint when left empty', () => {
    expect(toSaveInput({ ...emptyDraft, authType: 'redox', clientId: 'x', tokenUrl: '' }).auth).toMatchObject({
      tokenUrl: 'https://api.redoxengine.com/v2/auth/token',
    });
  });
});
