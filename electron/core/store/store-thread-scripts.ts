/** Where the built store threads are (vite.config.ts emits them beside each host's entry file). */
export interface StoreThreadScripts {
  writer: string | URL;
  indexer: string | URL;
}

/** The store threads built beside an entry file: pass the entry's `import.meta.url`. */
export function storeThreadsBeside(entryUrl: string): StoreThreadScripts {
  return { writer: new URL('./notification-writer.js', entryUrl), indexer: new URL('./notification-indexer.js', entryUrl) };
}
