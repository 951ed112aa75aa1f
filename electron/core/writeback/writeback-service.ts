import {
  WritebackEnqueueInput,
  WritebackTranslateOptions,
  type DestinationConfig,
  type WritebackDetail,
  type ParsedCommandInput,
  type WritebackExportChunk,
  type WritebackPage,
} from '../../../shared/contract';
import { translate, type TranslateOptions } from '../../../shared/fhir-to-v2';
import { buildFhirRequest, focusResourceType, patientText, writebackKind } from '../../../shared/writeback';
import { CommandFailure } from '../command-error';
import type { EventBus } from '../events/event-bus';
import { csvField } from '../query/exporters';
import { newControlId } from './control-id';
import { destinationLabel, queueKey, type DestinationStore } from './destination-store';
import type { WritebackQueue } from './writeback-queue';
import { WritebackNotFoundError, type NewWriteback, type WritebackStore } from './writeback-store';

export interface WritebackServiceDeps {
  store: WritebackStore;
  destinations: DestinationStore;
  queue: WritebackQueue;
  events: EventBus;
  now: () => number;
  /** The saved connection's name, or null when it does not exist. */
  connectionName: (connectionId: string) => string | null;
}

type ParsedEnqueue = ParsedCommandInput<'writebacks.enqueue'>;

const EXPORT_CHUNK = 500;

/** Enqueue, history and the user's actions on writebacks; the queue does the sending. */
export class WritebackService {
  constructor(private readonly deps: WritebackServiceDeps) {}

  enqueue(input: ParsedEnqueue): WritebackDetail {
    const { store, now } = this.deps;
    const { config, destinationId, name } = this.resolveTarget(input.target);
    const createdAt = now();
    const mergedOptions: WritebackTranslateOptions =
      config.transport === 'mllp' ? WritebackTranslateOptions.parse({ ...config.translator, ...input.options }) : input.options;
    const action = mergedOptions.action ?? 'create';
    const kind = input.kind ?? writebackKind(input.input, action);
    const resourceType = focusResourceType(input.input);
    if (!kind || !resourceType) throw new CommandFailure('invalid-input', 'The input holds no FHIR resource to write back.');
    if (input.resendOf !== undefined && !store.row(input.resendOf)) {
      throw new CommandFailure('not-found', `Writeback ${input.resendOf} does not exist.`);
    }

    let controlId = newControlId(mergedOptions.controlIdPrefix ?? 'SB', createdAt);
    while (store.controlIdExists(controlId)) controlId = newControlId(mergedOptions.controlIdPrefix ?? 'SB', createdAt);

    const base = {
      created_at: createdAt,
      kind,
      resource_type: resourceType,
      transport: config.transport,
      destination_id: destinationId,
      destination_name: name,
      destination_label: destinationLabel(config, config.transport === 'fhir' ? this.deps.connectionName(config.connectionId) : null),
      destination_json: JSON.stringify(config),
      queue_key: queueKey(config),
      control_id: controlId,
      input_json: JSON.stringify(input.input, null, 2),
      patient_text: patientText(input.input),
      resend_of: input.resendOf ?? null,
      note: input.note ?? null,
    };
    let row: NewWriteback;
    if (config.transport === 'mllp') {
      const options: TranslateOptions = { ...mergedOptions, controlId, controlIdStrategy: 'explicit' };
      const result = translate(input.input, options);
      if (!result.ok) {
        throw new CommandFailure(
          'invalid-input',
          `The input cannot be translated to HL7 v2: ${result.issues.filter((i) => i.severity === 'error').map((i) => i.message).join('; ')}`,
        );
      }
      row = {
        ...base,
        message_type: result.messageType,
        message_format: 'er7',
        message_text: result.er7,
        message_method: null,
        message_path: null,
        options_json: JSON.stringify(mergedOptions),
        issues_json: JSON.stringify(
          result.issues.map((i) => ({
            severity: i.severity,
            code: i.code,
            message: i.message,
            location: i.location ?? null,
            fhirPath: i.fhirPath ?? null,
          })),
        ),
        lineage_json: JSON.stringify(result.lineage.map(({ start: _s, end: _e, ...l }) => l)),
        max_attempts: config.maxAttempts,
      };
    } else {
      if (this.deps.connectionName(config.connectionId) === null) {
        throw new CommandFailure('not-found', `Connection ${config.connectionId} does not exist.`);
      }
      const built = buildFhirRequest(input.input, config, { controlId, kind, now: new Date(createdAt).toISOString() });
      if (!built.ok) throw new CommandFailure('invalid-input', built.error);
      row = {
        ...base,
        message_type: built.request.summary,
        message_format: 'fhir-json',
        message_text: built.request.body,
        message_method: built.request.method,
        message_path: built.request.path,
        options_json: null,
        issues_json: '[]',
        lineage_json: null,
        max_attempts: config.maxAttempts,
      };
    }
    const id = store.insert(row);
    const detail = this.get(id);
    this.deps.queue.emit(id, 'created');
    if (input.resendOf !== undefined) this.deps.queue.emit(input.resendOf, 'status');
    this.deps.queue.wake(row.queue_key);
    return detail;
  }

  get(id: number): WritebackDetail {
    const detail = this.deps.store.detail(id);
    if (!detail) throw new CommandFailure('not-found', `Writeback ${id} does not exist.`);
    return detail;
  }

  list(input: ParsedCommandInput<'writebacks.list'>): WritebackPage {
    return this.deps.store.list(input.filter, input.limit, input.beforeId);
  }

  cancel(id: number): WritebackDetail {
    let result: ReturnType<WritebackStore['cancel']>;
    try {
      result = this.deps.store.cancel(id);
    } catch (error) {
      if (error instanceof WritebackNotFoundError) throw new CommandFailure('not-found', error.message);
      throw error;
    }
    if (result === 'final') throw new CommandFailure('conflict', `Writeback ${id} is already finished; there is nothing to cancel.`);
    this.deps.queue.emit(id, 'status');
    const row = this.deps.store.row(id);
    if (row) this.deps.queue.wake(row.queue_key);
    return this.get(id);
  }

  retryNow(id: number): WritebackDetail {
    const row = this.deps.store.row(id);
    if (!row) throw new CommandFailure('not-found', `Writeback ${id} does not exist.`);
    const config = JSON.parse(row.destination_json) as DestinationConfig;
    const result = this.deps.store.retryNow(id, config.maxAttempts);
    if (result === 'sending') throw new CommandFailure('conflict', `Writeback ${id} is being sent right now.`);
    if (result === 'not-retryable') {
      throw new CommandFailure(
        'conflict',
        `Writeback ${id} was ${row.status}; it cannot be sent again with the same control id. Use resend (a new writeback with a new control id).`,
      );
    }
    this.deps.queue.emit(id, 'status');
    this.deps.queue.wake(row.queue_key);
    return this.get(id);
  }

  resend(input: ParsedCommandInput<'writebacks.resend'>): WritebackDetail {
    const row = this.deps.store.row(input.id);
    if (!row) throw new CommandFailure('not-found', `Writeback ${input.id} does not exist.`);
    if (row.status === 'queued' || row.status === 'sending' || row.status === 'retrying') {
      throw new CommandFailure('conflict', `Writeback ${input.id} is still ${row.status}; cancel it first, or wait for it to finish.`);
    }
    const savedStillThere = row.destination_id !== null && this.deps.destinations.get(row.destination_id) !== null;
    const target =
      input.target ??
      (savedStillThere && row.destination_id !== null
        ? { destinationId: row.destination_id }
        : { destination: JSON.parse(row.destination_json) as DestinationConfig, name: row.destination_name });
    const options = input.options ?? (row.options_json === null ? {} : WritebackTranslateOptions.parse(JSON.parse(row.options_json)));
    return this.enqueue(
      WritebackEnqueueInput.parse({
        input: input.input ?? (JSON.parse(row.input_json) as Record<string, unknown>),
        target,
        options,
        // A kind chosen by hand travels along; a derived one is derived again from the (maybe edited) input.
        ...(input.input === undefined ? { kind: row.kind } : {}),
        resendOf: row.id,
        ...(row.note === null ? {} : { note: row.note }),
      }),
    );
  }

  export(input: ParsedCommandInput<'writebacks.export'>): WritebackExportChunk {
    const ids = input.ids
      ? input.ids.filter((id) => input.beforeId === undefined || id < input.beforeId).sort((a, b) => b - a).slice(0, EXPORT_CHUNK)
      : this.deps.store.ids(input.filter, EXPORT_CHUNK, input.beforeId);
    const more = input.ids
      ? input.ids.some((id) => id < (ids[ids.length - 1] ?? 0))
      : ids.length === EXPORT_CHUNK && this.deps.store.ids(input.filter, 1, ids[ids.length - 1]).length > 0;
    const stamp = new Date(this.deps.now()).toISOString().replace(/[:.]/g, '-');
    let content: string;
    if (input.format === 'ndjson') {
      content = ids
        .map((id) => (input.detail ? this.deps.store.detail(id) : this.deps.store.summary(id)))
        .filter((d) => d !== null)
        .map((d) => `${JSON.stringify(d)}\n`)
        .join('');
    } else {
      const header = ['id', 'createdAt', 'status', 'acceptance', 'kind', 'destination', 'controlId', 'messageType', 'patient', 'attempts', 'lastResult', 'lastError', 'resendOf'];
      const lines = ids
        .map((id) => this.deps.store.summary(id))
        .filter((s) => s !== null)
        .map((s) =>
          [
            String(s.id),
            s.createdAt,
            s.status,
            s.acceptance ?? '',
            s.kind,
            s.destinationLabel,
            s.controlId,
            s.messageType,
            s.patient ?? '',
            `${s.attemptCount}/${s.maxAttempts}`,
            s.lastResult ?? '',
            s.lastError ?? '',
            s.resendOf === null ? '' : String(s.resendOf),
          ]
            .map(csvField)
            .join(','),
        );
      content = `${[input.beforeId === undefined ? header.join(',') : null, ...lines].filter((l) => l !== null).join('\r\n')}\r\n`;
    }
    return {
      fileName: `switchboard-writebacks-${stamp}.${input.format === 'ndjson' ? 'ndjson' : 'csv'}`,
      mimeType: input.format === 'ndjson' ? 'application/x-ndjson' : 'text/csv',
      content,
      count: ids.length,
      nextBeforeId: more ? (ids[ids.length - 1] ?? null) : null,
    };
  }

  private resolveTarget(target: ParsedEnqueue['target']): { config: DestinationConfig; destinationId: number | null; name: string } {
    if ('destinationId' in target) {
      const saved = this.deps.destinations.get(target.destinationId);
      if (!saved) throw new CommandFailure('not-found', `Destination ${target.destinationId} does not exist.`);
      return { config: saved.config, destinationId: saved.id, name: saved.name };
    }
    const config = target.destination;
    return { config, destinationId: null, name: target.name ?? destinationLabel(config, config.transport === 'fhir' ? this.deps.connectionName(config.connectionId) : null) };
  }
}

