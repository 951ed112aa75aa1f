import { z } from 'zod';
import { commands } from './commands';
import { events } from './events';
import { commandNames, eventNames } from './names';

export interface ContractDescription {
  commands: { name: string; summary: string; input: unknown; output: unknown }[];
  events: { name: string; summary: string; payload: unknown }[];
}

const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): unknown =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** The contract as JSON Schema: served at `GET /api` and rendered into the README. */
export function describeContract(): ContractDescription {
  return {
    commands: commandNames.map((name) => ({
      name,
      summary: commands[name].summary,
      input: toJsonSchema(commands[name].input, 'input'),
      output: toJsonSchema(commands[name].output, 'output'),
    })),
    events: eventNames.map((name) => ({
      name,
      summary: events[name].summary,
      payload: toJsonSchema(events[name].payload, 'output'),
    })),
  };
}
