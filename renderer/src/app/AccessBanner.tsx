import { useQuery } from '@tanstack/react-query';
import { ApiError, call } from '../api/client';
import { queryKeys } from '../api/query-keys';

/** Explains what to do when the page was opened without the console link's access token. */
export function AccessBanner() {
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app.info', {}), retry: false });
  if (!(info.error instanceof ApiError)) return null;
  return (
    <div className="banner error" role="alert">
      {info.error.code === 'unauthorized'
        ? 'This page needs the console link that `switchboard serve` printed (it carries the access token). Open that link to continue.'
        : info.error.message}
    </div>
  );
}
