/** The cluster's nodes (admins): which are alive, since when, what they run. Refreshed every 5 seconds. */
import { formatDateTime } from '../components/format';
import { useClusterNodes } from './useClusterNodes';

export function ClusterPage() {
  const { nodes, error, unsupported } = useClusterNodes();

  return (
    <div className="page" data-testid="cluster-page">
      <div className="page-header"><h1>Cluster nodes</h1></div>
      {unsupported && <div className="empty" data-testid="cluster-unsupported">This platform runs as a single node (it has no cluster API).</div>}
      {error && <div className="form-error" role="alert">Could not load the nodes: {error}</div>}
      {nodes && (
        <table className="table" data-testid="cluster-table">
          <thead><tr><th>Node</th><th>State</th><th>Address</th><th>Version</th><th>Started</th><th>Last heartbeat</th><th>Running</th></tr></thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.id} data-testid={`cluster-node-${n.name}`}>
                <td><strong>{n.name}</strong></td>
                <td className={n.status === 'alive' ? 'alive' : 'dead'}>{n.status === 'alive' ? 'alive' : 'gone'}{n.self ? ' (this node)' : ''}</td>
                <td><code>{n.address}</code></td>
                <td>{n.version}</td>
                <td>{formatDateTime(n.started_at)}</td>
                <td>{formatDateTime(n.heartbeat_at)}</td>
                <td>{n.running}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
