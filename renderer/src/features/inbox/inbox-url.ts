import { NotificationFilter } from '../../../../shared/contract';

/** What of the inbox a link carries: the filter, and the saved view it came from. */
export interface InboxLink {
  filter: NotificationFilter;
  viewId: number | null;
}

/**
 * `#/inbox?filter=…&view=…`: the filter as JSON, so a link (or a reload) shows the same inbox.
 * No filter, no query: `#/inbox`.
 */
export function inboxHash(link: InboxLink): string {
  const params = new URLSearchParams();
  if (Object.keys(link.filter).length > 0) params.set('filter', JSON.stringify(link.filter));
  if (link.viewId !== null) params.set('view', String(link.viewId));
  const query = params.toString();
  return query ? `#/inbox?${query}` : '#/inbox';
}

/**
 * The inbox a hash asks for, or null when it asks for nothing in particular (another screen, or
 * a bare `#/inbox` from the sidebar, which keeps the filter in use). A filter the contract
 * refuses (an edited or old link) is ignored rather than sent to fail.
 */
export function inboxLinkFromHash(hash: string): InboxLink | null {
  const match = /^#\/?inbox\?(.*)$/.exec(hash);
  if (!match) return null;
  const params = new URLSearchParams(match[1]);
  const viewText = params.get('view');
  const view = viewText !== null && /^\d+$/.test(viewText) ? Number(viewText) : null;
  let filter: NotificationFilter = {};
  const filterText = params.get('filter');
  if (filterText !== null) {
    try {
      const parsed = NotificationFilter.safeParse(JSON.parse(filterText));
      if (parsed.success) filter = parsed.data;
    } catch {
      // Not JSON: as if there were no filter.
    }
  }
  return { filter, viewId: view !== null && view > 0 ? view : null };
}
