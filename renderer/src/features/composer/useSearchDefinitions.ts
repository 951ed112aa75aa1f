import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CapabilitySummary } from '../../../../shared/contract';
import { definitionsFromCapabilityStatement, r4SearchDefinitions, type SearchDefinitions } from '../../../../shared/fhir-search';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query-keys';

/** The summary the core cached, in the CapabilityStatement shape the search definitions read. */
function asCapabilityStatement(summary: CapabilitySummary) {
  return {
    resourceType: 'CapabilityStatement',
    fhirVersion: summary.fhirVersion ?? undefined,
    rest: [
      {
        mode: 'server',
        resource: summary.resources.map((r) => ({
          type: r.type,
          searchParam: r.searchParams.map((p) => ({ name: p.name, type: p.type })),
          searchInclude: r.searchInclude,
          searchRevInclude: r.searchRevInclude,
        })),
      },
    ],
  };
}

/** What the connection's server declares (from its tested CapabilityStatement), else base R4. */
export function useSearchDefinitions(connectionId: string | null): { definitions: SearchDefinitions; fromServer: boolean } {
  const capabilities = useQuery({
    queryKey: queryKeys.connectionCapabilities(connectionId ?? ''),
    queryFn: () => call('connections.capabilities', { id: connectionId ?? '' }),
    enabled: connectionId !== null,
    staleTime: 60_000,
  }).data?.capabilities;
  return useMemo(() => {
    if (!capabilities) return { definitions: r4SearchDefinitions(), fromServer: false };
    return { definitions: definitionsFromCapabilityStatement(asCapabilityStatement(capabilities)), fromServer: true };
  }, [capabilities]);
}
