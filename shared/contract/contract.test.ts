import { describe, expect, it } from 'vitest';
import { commands } from './commands';
import { describeContract } from './describe';
import { events } from './events';
import { commandNames, eventNames } from './names';

describe('contract', () => {
  it('lists exactly the commands and events that have schemas', () => {
    expect(Object.keys(commands).sort()).toEqual([...commandNames].sort());
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
  });

  it('describes every command with JSON schemas for input and output', () => {
    const described = describeContract();
    const list = described.commands.find((c) => c.name === 'notifications.list');
    expect(list?.input).toMatchObject({
      type: 'object',
      properties: { limit: { type: 'integer', maximum: 500 } },
    });
    expect(described.events.map((e) => e.name)).toEqual([...eventNames]);
  });

  it('rejects a receiver path that could escape the URL path', () => {
    const input = commands['receiver.configure'].input;
    expect(input.safeParse({ path: '/hooks/redox' }).success).toBe(true);
    expect(input.safeParse({ path: 'webhook' }).success).toBe(false);
    expect(input.safeParse({ path: '/a?b=c' }).success).toBe(false);
  });
});
