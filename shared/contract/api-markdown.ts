import type { ContractDescription } from './describe';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  const?: unknown;
  format?: string;
  prefixItems?: JsonSchema[];
}

function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.prefixItems) return `[${schema.prefixItems.map(typeOf).join(', ')}]`;
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  if (schema.type === 'object' && schema.properties) return 'object';
  const type = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
  return schema.format ? `${type} (${schema.format})` : type;
}

function fields(schema: unknown): string {
  const s = schema as JsonSchema;
  const entries = Object.entries(s.properties ?? {});
  if (entries.length === 0) return 'none';
  return entries
    .map(([name, prop]) => `\`${name}${s.required?.includes(name) ? '' : '?'}\`: ${typeOf(prop)}`)
    .join(', ');
}

/** The contract as the README's API section: one row per command and per event. */
export function renderApiMarkdown(contract: ContractDescription): string {
  const lines = [
    'Commands (`POST /api/<name>` in the headless host, one preload function each in Electron):',
    '',
    '| command | what it does | input | output |',
    '|---|---|---|---|',
    ...contract.commands.map((c) => `| \`${c.name}\` | ${c.summary} | ${fields(c.input)} | ${fields(c.output)} |`),
    '',
    'Events (`GET /api/events` as server-sent events; a subscribe function each in Electron):',
    '',
    '| event | when | payload |',
    '|---|---|---|',
    ...contract.events.map((e) => `| \`${e.name}\` | ${e.summary} | ${fields(e.payload)} |`),
    '',
  ];
  return lines.join('\n');
}
