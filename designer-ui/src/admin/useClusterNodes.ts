/** The cluster's nodes from `GET /api/cluster` (admins), refreshed every 5 seconds while the page is visible. */
import { useState } from 'react';
import { api } from '../api/api';
import { ApiError } from '../api/client';
import type { ClusterNode } from '../api/types';
import { errorText } from '../components/format';
import { usePolling } from '../executions/usePolling';

export interface ClusterNodes {
  nodes: ClusterNode[] | null;
  error: string | null;
  /** the platform has no cluster API (404): it runs as a single node */
  unsupported: boolean;
}

export function useClusterNodes(): ClusterNodes {
  const [nodes, setNodes] = useState<ClusterNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unsupported, setUnsupported] = useState(false);

  usePolling(async () => {
    try {
      setNodes((await api.cluster()).nodes);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setUnsupported(true);
      else setError(errorText(e));
    }
  }, 5000, []);

  return { nodes, error, unsupported };
}
