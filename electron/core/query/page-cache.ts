import { parseSearchPage, type SearchPage } from '../../../shared/fhir/search-page';

/**
 * Parsed pages, most recently used kept. A 50 MB Bundle takes a while to parse; the table asks
 * for many windows of the same page, so each page is parsed once while it is being looked at.
 */
export class PageCache {
  private readonly pages = new Map<string, SearchPage>();

  constructor(private readonly capacity = 4) {}

  get(runId: number, pageIndex: number, body: () => Uint8Array | null): SearchPage | null {
    const key = `${runId}:${pageIndex}`;
    const hit = this.pages.get(key);
    if (hit) {
      this.pages.delete(key);
      this.pages.set(key, hit);
      return hit;
    }
    const bytes = body();
    if (bytes === null) return null;
    const parsed = parseSearchPage(new TextDecoder().decode(bytes));
    this.pages.set(key, parsed);
    while (this.pages.size > this.capacity) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
    return parsed;
  }
}
