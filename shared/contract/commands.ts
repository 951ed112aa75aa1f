import { z } from 'zod';
import { AppInfo } from './app-info';
import {
  CapabilitySummary,
  Connection,
  ConnectionRef,
  ConnectionSaveInput,
  ConnectionSummary,
  ConnectionTestResult,
  GenerateKeyPairInput,
  Jwks,
  RequestLogEntry,
  RequestLogListInput,
} from './connection';
import type { CommandName } from './names';
import {
  HydrationRecord,
  NotificationTemplateInfo,
  ReplayInput,
  ReplayRecord,
  SendTestInput,
  SendTestResult,
} from './notification-actions';
import {
  HistoryListInput,
  HistoryPage,
  HistoryRun,
  QueryCurl,
  QueryCurlInput,
  QueryEntriesInput,
  QueryEntriesPage,
  QueryEntry,
  QueryEntryInput,
  QueryExecuteInput,
  QueryExport,
  QueryExportInput,
  QueryFetchAllInput,
  QueryNavigateInput,
  QueryPageJson,
  QueryPageSummary,
  SavedQuery,
  SavedQuerySaveInput,
} from './query';
import {
  NotificationDetail,
  NotificationExportChunk,
  NotificationExportInput,
  NotificationListInput,
  NotificationMarkInput,
  NotificationPage,
} from './notification';
import { Endpoint, EndpointSaveInput, EndpointSaveResult } from './endpoint';
import { InboxView, InboxViewSaveInput } from './inbox-view';
import { SubscriptionConfigureInput, SubscriptionState } from './subscription-state';
import { ReceiverConfigureInput, ReceiverStatus } from './receiver';
import {
  Destination,
  DestinationSaveInput,
  WritebackDetail,
  WritebackEnqueueInput,
  WritebackExportChunk,
  WritebackExportInput,
  WritebackListInput,
  WritebackPage,
  WritebackRef,
  WritebackResendInput,
} from './writeback';
import { WritebackTemplate, WritebackTemplateSaveInput } from './writeback-templates';

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
  'notifications.mark': define({
    summary: 'Mark notifications read or unread, star or unstar them, or set their note; emits `notifications.marked`.',
    input: NotificationMarkInput,
    output: z.object({ updated: z.number().int().nonnegative() }),
  }),
  'notifications.export': define({
    summary: 'Selected or filtered notifications as NDJSON (raw bodies with their metadata) or CSV (summary columns), one chunk per call.',
    input: NotificationExportInput,
    output: NotificationExportChunk,
  }),
  'views.list': define({
    summary: 'Saved inbox views (named filters), by name.',
    input: Empty,
    output: z.object({ items: z.array(InboxView) }),
  }),
  'views.save': define({
    summary: 'Create or update a saved inbox view; a view with the same name is replaced.',
    input: InboxViewSaveInput,
    output: InboxView,
  }),
  'views.delete': define({
    summary: 'Delete a saved inbox view.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
  'endpoints.list': define({
    summary: 'Every receiver endpoint (path, auth, handshake reply, retention, counters); secrets never included.',
    input: Empty,
    output: z.object({ items: z.array(Endpoint) }),
  }),
  'endpoints.save': define({
    summary: 'Create (no id) or update a receiver endpoint; applies to the next request.',
    input: EndpointSaveInput,
    output: EndpointSaveResult,
  }),
  'endpoints.delete': define({
    summary: 'Delete an endpoint (not the default one); its stored notifications are kept.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
  'subscriptions.list': define({
    summary: 'Every FHIR subscription seen, with gap detection: missing or repeated event numbers, missed heartbeats.',
    input: Empty,
    output: z.object({ items: z.array(SubscriptionState) }),
  }),
  'subscriptions.configure': define({
    summary: "Set a subscription's expected heartbeat period (`none`: none expected; null: infer it from traffic).",
    input: SubscriptionConfigureInput,
    output: SubscriptionState,
  }),
  'connections.list': define({
    summary: 'Every FHIR connection, by name.',
    input: Empty,
    output: z.object({ items: z.array(ConnectionSummary) }),
  }),
  'connections.get': define({
    summary: 'One connection; secrets appear only as set/not set.',
    input: ConnectionRef,
    output: Connection,
  }),
  'connections.save': define({
    summary: 'Create (no id) or update a connection. A secret left out is kept, null clears it.',
    input: ConnectionSaveInput,
    output: Connection,
  }),
  'connections.delete': define({
    summary: 'Delete a connection with its secrets, key pair and cached capabilities.',
    input: ConnectionRef,
    output: z.object({ deleted: z.boolean() }),
  }),
  'connections.test': define({
    summary: "Fetch the server's CapabilityStatement (`metadata`) with the connection's auth; cache its summary.",
    input: ConnectionRef,
    output: ConnectionTestResult,
  }),
  'connections.capabilities': define({
    summary: 'The capability summary cached by the last successful test (no network).',
    input: ConnectionRef,
    output: z.object({ capabilities: CapabilitySummary.nullable() }),
  }),
  'connections.generateKeyPair': define({
    summary: 'Generate the RS384/ES384 key pair that signs client assertions; returns the public JWKS.',
    input: GenerateKeyPairInput,
    output: Jwks,
  }),
  'connections.jwks': define({
    summary: "The connection's public JWKS, to register with the server.",
    input: ConnectionRef,
    output: Jwks,
  }),
  'requestLog.list': define({
    summary: 'Recent HTTP exchanges with FHIR servers, token exchanges included, newest first; credentials redacted.',
    input: RequestLogListInput,
    output: z.object({ items: z.array(RequestLogEntry) }),
  }),
  'query.execute': define({
    summary: 'Run a FHIR search against a connection (GET, or POST `_search` form-encoded); stores the run in history.',
    input: QueryExecuteInput,
    output: QueryPageSummary,
  }),
  'query.navigate': define({
    summary: "Follow a page's `next` or `previous` link (fetched pages are reused).",
    input: QueryNavigateInput,
    output: QueryPageSummary,
  }),
  'query.page': define({
    summary: 'The summary of a page already fetched.',
    input: z.object({ runId: z.number().int().positive(), pageIndex: z.number().int().nonnegative() }),
    output: QueryPageSummary,
  }),
  'query.entries': define({
    summary: "A window of a page's entries as table rows, with the given FHIRPath columns evaluated in the core.",
    input: QueryEntriesInput,
    output: QueryEntriesPage,
  }),
  'query.entry': define({
    summary: 'One entry of a page, its resource as JSON.',
    input: QueryEntryInput,
    output: QueryEntry,
  }),
  'query.pageJson': define({
    summary: 'A whole page as JSON text (cut at 20 MB).',
    input: z.object({ runId: z.number().int().positive(), pageIndex: z.number().int().nonnegative() }),
    output: QueryPageJson,
  }),
  'query.fetchAll': define({
    summary: 'Follow `next` links from the last fetched page until the end or a page/entry limit; reports `query.progress`.',
    input: QueryFetchAllInput,
    output: z.object({ started: z.boolean() }),
  }),
  'query.cancel': define({
    summary: 'Stop a fetch-all in progress; pages already fetched are kept.',
    input: z.object({ runId: z.number().int().positive() }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  'query.export': define({
    summary: 'The current page or all fetched entries as Bundle JSON, NDJSON or CSV (with the chosen columns).',
    input: QueryExportInput,
    output: QueryExport,
  }),
  'query.curl': define({
    summary: 'The request of a page as a curl command; credentials redacted unless asked.',
    input: QueryCurlInput,
    output: QueryCurl,
  }),
  'history.list': define({
    summary: 'Past runs, newest first, filtered by URL text, resource type and outcome.',
    input: HistoryListInput,
    output: HistoryPage,
  }),
  'history.get': define({
    summary: 'One past run with the search model it was built from.',
    input: z.object({ runId: z.number().int().positive() }),
    output: HistoryRun,
  }),
  'savedQueries.list': define({
    summary: 'Saved queries by folder and name.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(SavedQuery) }),
  }),
  'savedQueries.save': define({
    summary: 'Create or update a saved query (names are unique within a folder).',
    input: SavedQuerySaveInput,
    output: SavedQuery,
  }),
  'savedQueries.delete': define({
    summary: 'Delete a saved query.',
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ deleted: z.boolean() }),
  }),
  'savedQueries.export': define({
    summary: 'Saved queries (all, or the given ids) as a plain JSON file to share through git.',
    input: z.object({ ids: z.array(z.number().int().positive()).optional() }),
    output: z.object({ fileName: z.string(), content: z.string() }),
  }),
  'savedQueries.import': define({
    summary: 'Import a saved-queries file; queries with the same folder and name are replaced.',
    input: z.object({ content: z.string().max(20 * 1024 * 1024) }),
    output: z.object({ added: z.number().int(), replaced: z.number().int() }),
  }),
  'notifications.hydrate': define({
    summary: "Fetch what a lightweight notification references from a connection and keep it with the notification.",
    input: z.object({ id: z.number().int().positive(), connectionId: z.string().min(1) }),
    output: HydrationRecord,
  }),
  'notifications.hydrations': define({
    summary: 'Every hydration of a notification, newest first.',
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ items: z.array(HydrationRecord) }),
  }),
  'notifications.replay': define({
    summary: 'POST a stored notification again (unchanged or edited) to a URL, optionally re-signed; records the answer.',
    input: ReplayInput,
    output: ReplayRecord,
  }),
  'notifications.replays': define({
    summary: 'Every replay and forward of a notification, newest first.',
    input: z.object({ id: z.number().int().positive() }),
    output: z.object({ items: z.array(ReplayRecord) }),
  }),
  'notifications.templates': define({
    summary: 'Test notification templates for the common events.',
    input: z.object({}).strict(),
    output: z.object({ items: z.array(NotificationTemplateInfo) }),
  }),
  'notifications.sendTest': define({
    summary: 'Build a lightweight or detailed test notification (Redox or Subscriptions form) and POST it to a URL.',
    input: SendTestInput,
    output: SendTestResult,
  }),
  'destinations.list': define({
    summary: 'Saved writeback destinations (MLLP interfaces and FHIR connections), by name.',
    input: Empty,
    output: z.object({ items: z.array(Destination) }),
  }),
  'destinations.save': define({
    summary: 'Create (no id) or update a writeback destination; queued writebacks keep the copy they were queued with.',
    input: DestinationSaveInput,
    output: Destination,
  }),
  'destinations.delete': define({
    summary: 'Delete a writeback destination; its writebacks and their history are kept.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
  'writebacks.enqueue': define({
    summary: 'Translate (MLLP) or wrap (FHIR) the input, fix its control id, store it and queue it for delivery; emits `writeback.updated`.',
    input: WritebackEnqueueInput,
    output: WritebackDetail,
  }),
  'writebacks.list': define({
    summary: 'Writeback history, newest first, filtered by patient, kind, status, destination and time.',
    input: WritebackListInput,
    output: WritebackPage,
  }),
  'writebacks.get': define({
    summary: 'One writeback: input, the exact message sent, every attempt with its bytes, timing and error, ACK explained, timeline.',
    input: WritebackRef,
    output: WritebackDetail,
  }),
  'writebacks.cancel': define({
    summary: 'Stop a writeback that is not yet accepted; one in flight settles by its answer (an accept still counts).',
    input: WritebackRef,
    output: WritebackDetail,
  }),
  'writebacks.retryNow': define({
    summary: 'Send a waiting, given-up or cancelled writeback now, with the same control id (a given-up one gets a fresh attempt budget).',
    input: WritebackRef,
    output: WritebackDetail,
  }),
  'writebacks.resend': define({
    summary: 'Queue a finished writeback again as a new writeback with a new control id, linked to the old one (optionally edited).',
    input: WritebackResendInput,
    output: WritebackDetail,
  }),
  'writebacks.export': define({
    summary: 'Selected or filtered writebacks as NDJSON (full detail) or CSV (summary columns), one chunk per call.',
    input: WritebackExportInput,
    output: WritebackExportChunk,
  }),
  'writebackTemplates.list': define({
    summary: 'Writeback templates saved by name in the editor, by name.',
    input: Empty,
    output: z.object({ items: z.array(WritebackTemplate) }),
  }),
  'writebackTemplates.save': define({
    summary: 'Create or update a writeback template (FHIR JSON and the edit it makes); a template with the same name is replaced.',
    input: WritebackTemplateSaveInput,
    output: WritebackTemplate,
  }),
  'writebackTemplates.delete': define({
    summary: 'Delete a writeback template.',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  }),
} satisfies Record<CommandName, CommandDefinition>;

export type Commands = typeof commands;
export type CommandInput<C extends CommandName> = z.input<Commands[C]['input']>;
export type ParsedCommandInput<C extends CommandName> = z.output<Commands[C]['input']>;
export type CommandOutput<C extends CommandName> = z.output<Commands[C]['output']>;
