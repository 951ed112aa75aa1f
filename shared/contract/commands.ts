import { z } from 'zod';
import { AppInfo } from './app-info';
import type { CommandName } from './names';
import {
  NotificationDetail,
  NotificationListInput,
  NotificationPage,
} from './notification';
import { ReceiverConfigureInput, ReceiverStatus } from './receiver';

export interface CommandDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
}

const Empty = z.object({}).strict();

const define = <I extends z.ZodType, O extends z.ZodType>(d: CommandDefinition<I, O>) => d;

/** Every command the core answers, in both hosts. Adding a capability starts here. */
export const commands = {
  'app.info': define({
    summary: 'Name, version and data folder of the running core.',
    input: Empty,
    output: AppInfo,
  }),
  'receiver.status': define({
    summary: 'Whether the webhook receiver is listening, where, and how it checks senders.',
    input: Empty,
    output: ReceiverStatus,
  }),
  'receiver.configure': define({
    summary: 'Change the receiver path, body size limit or shared token; applies at once.',
    input: ReceiverConfigureInput,
    output: ReceiverStatus,
  }),
  'notifications.list': define({
    summary: 'A page of received notifications, newest first.',
    input: NotificationListInput,
    output: NotificationPage,
  }),
  'notifications.get': define({
    summary: 'One notification with its headers and the body exactly as received.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: NotificationDetail,
  }),
} satisfies Record<CommandName, CommandDefinition>;

export type Commands = typeof commands;
export type CommandInput<C extends CommandName> = z.input<Commands[C]['input']>;
export type ParsedCommandInput<C extends CommandName> = z.output<Commands[C]['input']>;
export type CommandOutput<C extends CommandName> = z.output<Commands[C]['output']>;
