import { SavedQueriesFile } from '../../../shared/contract';
import { CommandFailure } from '../command-error';
import type { CoreContext, Feature } from '../feature';
import { QueryRunStore } from './query-run-store';
import { QueryService, type QueryServiceDeps } from './query-service';
import { DuplicateSavedQueryError, SavedQueryStore } from './saved-query-store';

export type QueryFeatureDeps = Pick<QueryServiceDeps, 'resolveClient'>;

/** Searches against connections, their history, and saved queries. */
export function queryFeature(ctx: CoreContext, deps: QueryFeatureDeps): Feature & { service: QueryService } {
  const runs = new QueryRunStore(ctx.db);
  const saved = new SavedQueryStore(ctx.db, ctx.now);
  const service = new QueryService({ ...deps, runs, events: ctx.events, now: ctx.now, log: ctx.log });

  return {
    service,
    handlers: {
      'query.execute': (input) => service.execute(input),
      'query.navigate': (input) => service.navigate(input.runId, input.pageIndex, input.relation),
      'query.page': (input) => service.page(input.runId, input.pageIndex),
      'query.entries': (input) => service.entries(input.runId, input.pageIndex, input.offset, input.limit, input.columns),
      'query.entry': (input) => service.entry(input.runId, input.pageIndex, input.index),
      'query.pageJson': (input) => service.pageJson(input.runId, input.pageIndex),
      'query.fetchAll': (input) => {
        service.fetchAll(input.runId, input.maxPages, input.maxEntries);
        return { started: true };
      },
      'query.cancel': (input) => ({ cancelled: service.cancel(input.runId) }),
      'query.export': (input) => service.export(input.runId, input.scope, input.pageIndex, input.format, input.columns),
      'query.curl': (input) => service.curl(input.runId, input.pageIndex, input.credentialsFromEnv),
      'history.list': (input) => runs.list(input),
      'history.get': (input) => service.run(input.runId),
      'savedQueries.list': () => ({ items: saved.list() }),
      'savedQueries.save': (input) => {
        try {
          return saved.save({ ...input, model: input.model ?? null });
        } catch (error) {
          if (error instanceof DuplicateSavedQueryError) throw new CommandFailure('conflict', error.message);
          throw error;
        }
      },
      'savedQueries.delete': (input) => ({ deleted: saved.delete(input.id) }),
      'savedQueries.export': (input) => ({
        fileName: 'switchboard-queries.json',
        content: `${JSON.stringify(saved.exportFile(input.ids), null, 2)}\n`,
      }),
      'savedQueries.import': (input) => {
        let json: unknown;
        try {
          json = JSON.parse(input.content);
        } catch {
          throw new CommandFailure('invalid-input', 'The file is not JSON.');
        }
        const file = SavedQueriesFile.safeParse(json);
        if (!file.success) {
          throw new CommandFailure(
            'invalid-input',
            `Not a Switchboard saved-queries file: ${file.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`,
          );
        }
        return saved.importFile(file.data);
      },
    },
    close: () => service.cancelAll(),
  };
}
