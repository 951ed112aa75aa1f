import { z } from 'zod';

/**
 * A connection to one FHIR R4 server. Secrets (tokens, passwords, client secrets, private keys)
 * travel only from the renderer to the core, once, when entered: every answer says only whether
 * each one is set.
 */

export const ConnectionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a connection id');

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), 'put credentials in the auth settings, not in the URL');

/** Suggested labels; any other short label is accepted. */
export const environmentSuggestions = ['Development', 'Staging', 'Production'] as const;

export const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'a valid HTTP header name');

export const ExtraHeader = z.object({
  name: HeaderName,
  value: z.string().max(4000).regex(/^[^\r\n]*$/, 'no line breaks'),
});
export type ExtraHeader = z.infer<typeof ExtraHeader>;

const pem = z.string().max(200_000).regex(/-----BEGIN [A-Z0-9 ]+-----/, 'PEM text (-----BEGIN …-----)');

export const TlsOptions = z.object({
  /** Extra certificate authorities to trust (PEM), added to the system's. */
  caBundlePem: pem.nullable().default(null),
  /** Client certificate for mutual TLS (PEM); its private key is the secret `tlsClientKey`. */
  clientCertPem: pem.nullable().default(null),
  /** Accept any server certificate. Shown as a warning wherever the connection appears. */
  allowSelfSigned: z.boolean().default(false),
});
export type TlsOptions = z.infer<typeof TlsOptions>;

export const jwtAlgorithms = ['RS384', 'ES384'] as const;
export const JwtAlgorithm = z.enum(jwtAlgorithms);
export type JwtAlgorithm = z.infer<typeof JwtAlgorithm>;

const scope = z.string().max(2000).regex(/^[^\r\n]*$/).nullable().default(null);
const clientId = z.string().min(1).max(500);

/** How requests are authorised; the secret parts live in `ConnectionSecrets`. */
export const AuthConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('bearer') }),
  z.object({ type: z.literal('basic'), username: z.string().min(1).max(500) }),
  z.object({ type: z.literal('api-key'), headerName: HeaderName }),
  z.object({
    type: z.literal('client-credentials'),
    clientId,
    /** `basic`: client_secret_basic; `post`: client_secret_post. */
    clientAuth: z.enum(['basic', 'post']).default('basic'),
    /** Empty: discovered from `.well-known/smart-configuration`. */
    tokenUrl: httpUrl.nullable().default(null),
    scope,
  }),
  z.object({
    type: z.literal('smart-backend'),
    clientId,
    /** Empty: discovered from `.well-known/smart-configuration`. */
    tokenUrl: httpUrl.nullable().default(null),
    scope,
  }),
  z.object({
    type: z.literal('redox'),
    clientId,
    /** Redox names its token endpoint instead of publishing SMART discovery. */
    tokenUrl: httpUrl.default('https://api.redoxengine.com/v2/auth/token'),
    scope,
  }),
]);
export type AuthConfig = z.infer<typeof AuthConfig>;
export type AuthType = AuthConfig['type'];

/** Names of the secrets a connection may hold. */
export const secretNames = ['token', 'password', 'clientSecret', 'apiKey', 'tlsClientKey'] as const;
export const SecretName = z.enum(secretNames);
export type SecretName = z.infer<typeof SecretName>;

/** For `connections.save`: a value sets it, `null` clears it, absent keeps what is stored. */
export const SecretsInput = z
  .object(
    Object.fromEntries(secretNames.map((n) => [n, z.string().min(1).max(200_000).nullable().optional()])) as Record<
      SecretName,
      z.ZodOptional<z.ZodNullable<z.ZodString>>
    >,
  )
  .strict();
export type SecretsInput = z.infer<typeof SecretsInput>;

/** Which secrets are stored: never their values. */
export const SecretsSet = z.object(
  Object.fromEntries(secretNames.map((n) => [n, z.boolean()])) as Record<SecretName, z.ZodBoolean>,
);
export type SecretsSet = z.infer<typeof SecretsSet>;

export const ConnectionFields = z.object({
  name: z.string().trim().min(1).max(200),
  /** FHIR R4 base, e.g. https://api.redoxengine.com/fhir/R4/redox-fhir-sandbox/Development */
  baseUrl: httpUrl,
  environment: z.string().trim().min(1).max(40).default('Development'),
  headers: z.array(ExtraHeader).max(50).default([]),
  timeoutMs: z.number().int().min(1000).max(600_000).default(30_000),
  tls: TlsOptions.default({ caBundlePem: null, clientCertPem: null, allowSelfSigned: false }),
  /** http(s) proxy for every request of this connection, token exchanges included. */
  proxyUrl: httpUrl.nullable().default(null),
  auth: AuthConfig.default({ type: 'none' }),
});

export const ConnectionSaveInput = ConnectionFields.extend({
  /** Absent: create a new connection. */
  id: ConnectionId.optional(),
  secrets: SecretsInput.default({}),
}).strict();
export type ConnectionSaveInput = z.input<typeof ConnectionSaveInput>;

export const PublicKeyInfo = z.object({
  alg: JwtAlgorithm,
  kid: z.string(),
  createdAt: z.iso.datetime(),
});
export type PublicKeyInfo = z.infer<typeof PublicKeyInfo>;

export const LastTest = z.object({
  at: z.iso.datetime(),
  ok: z.boolean(),
  message: z.string(),
});

export const Connection = ConnectionFields.extend({
  id: ConnectionId,
  secrets: SecretsSet,
  /** The key pair that signs SMART/Redox client assertions (private half stored encrypted). */
  key: PublicKeyInfo.nullable(),
  lastTest: LastTest.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Connection = z.infer<typeof Connection>;

export const ConnectionSummary = z.object({
  id: ConnectionId,
  name: z.string(),
  baseUrl: z.string(),
  environment: z.string(),
  authType: z.enum(['none', 'bearer', 'basic', 'api-key', 'client-credentials', 'smart-backend', 'redox']),
  allowSelfSigned: z.boolean(),
  lastTest: LastTest.nullable(),
});
export type ConnectionSummary = z.infer<typeof ConnectionSummary>;

export const ConnectionRef = z.object({ id: ConnectionId }).strict();

export const SearchParamSummary = z.object({ name: z.string(), type: z.string() });

export const ResourceCapability = z.object({
  type: z.string(),
  /** read, vread, update, patch, delete, history-instance, history-type, create, search-type. */
  interactions: z.array(z.string()),
  searchParams: z.array(SearchParamSummary),
  searchInclude: z.array(z.string()),
  searchRevInclude: z.array(z.string()),
  profile: z.string().nullable(),
});
export type ResourceCapability = z.infer<typeof ResourceCapability>;

/** What a server's CapabilityStatement (`GET [base]/metadata`) says, in the parts a console uses. */
export const CapabilitySummary = z.object({
  fetchedAt: z.iso.datetime(),
  fhirVersion: z.string().nullable(),
  software: z.object({ name: z.string().nullable(), version: z.string().nullable() }),
  implementation: z.string().nullable(),
  publisher: z.string().nullable(),
  formats: z.array(z.string()),
  /** Security services named in `rest.security.service` (e.g. SMART-on-FHIR, OAuth). */
  security: z.array(z.string()),
  systemInteractions: z.array(z.string()),
  resources: z.array(ResourceCapability),
});
export type CapabilitySummary = z.infer<typeof CapabilitySummary>;

export const failureKinds = [
  'dns',
  'unreachable',
  'tls',
  'timeout',
  'unauthorized',
  'forbidden',
  'token',
  'secret',
  'http',
  'not-fhir',
] as const;
export const FailureKind = z.enum(failureKinds);
export type FailureKind = z.infer<typeof FailureKind>;

export const ConnectionTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), capabilities: CapabilitySummary, durationMs: z.number() }),
  z.object({
    ok: z.literal(false),
    kind: FailureKind,
    /** Plain words: what went wrong and what to try. */
    message: z.string(),
    httpStatus: z.number().int().nullable(),
    /** The OperationOutcome's diagnostics/text, or the OAuth error description, when the server sent one. */
    serverDetail: z.string().nullable(),
  }),
]);
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

export const GenerateKeyPairInput = z.object({ id: ConnectionId, alg: JwtAlgorithm.default('RS384') }).strict();

export const PublicJwk = z.looseObject({ kty: z.string(), kid: z.string(), alg: z.string(), use: z.string() });
export const Jwks = z.object({ keys: z.array(PublicJwk) });
export type Jwks = z.infer<typeof Jwks>;

export const RequestLogEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  connectionId: z.string().nullable(),
  /** `token`: an OAuth token exchange; `discovery`: `.well-known/smart-configuration`. */
  kind: z.enum(['fhir', 'token', 'discovery']),
  method: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  durationMs: z.number(),
  /** Request headers as sent, credentials replaced by `[redacted]`. */
  requestHeaders: z.array(z.tuple([z.string(), z.string()])),
  error: z.string().nullable(),
});
export type RequestLogEntry = z.infer<typeof RequestLogEntry>;

export const RequestLogListInput = z
  .object({ connectionId: ConnectionId.optional(), limit: z.number().int().min(1).max(500).default(100) })
  .strict();
