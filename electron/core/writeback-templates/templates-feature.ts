import { CommandFailure } from '../command-error';
import type { CoreContext, Feature } from '../feature';
import { TemplateNotFound, WritebackTemplateStore } from './template-store';

/** `writebackTemplates.*`: the writeback editor's templates saved by name. */
export function writebackTemplatesFeature(ctx: CoreContext): Feature {
  const store = new WritebackTemplateStore(ctx.db, ctx.now);
  return {
    handlers: {
      'writebackTemplates.list': () => ({ items: store.list() }),
      'writebackTemplates.save': (input) => {
        try {
          return store.save(input);
        } catch (error) {
          if (error instanceof TemplateNotFound) throw new CommandFailure('not-found', error.message);
          throw error;
        }
      },
      'writebackTemplates.delete': (input) => ({ deleted: store.delete(input.id) }),
    },
  };
}
