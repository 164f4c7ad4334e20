/** The dashboard's view of the cluster (admins): how many nodes are alive, and what each one runs now. */
import { Link } from 'react-router-dom';
import { useClusterNodes } from '../admin/useClusterNodes';

export function ClusterPanel() {
  const { nodes, error, unsupported } = useClusterNodes();
  if (unsupported) return null;
  const alive = nodes?.filter((n) => n.status === 'alive') ?? [];
  return (
    <section className="panel" data-testid="dashboard-cluster">
      <h3>Cluster</h3>
      {error && <div className="form-error" role="alert">Could not load the nodes: {error}</div>}
      {nodes && (
        <>
          <div className="kpi-value" data-testid="cluster-live">{alive.length} of {nodes.length} alive</div>
          <ul className="plain-list">
            {nodes.map((n) => (
              <li key={n.id} data-testid={`dashboard-node-${n.name}`}>
                <strong>{n.name}</strong>{' '}
                <span className={n.status === 'alive' ? 'alive' : 'dead'}>{n.status === 'alive' ? 'alive' : 'gone'}</span>
                {n.status === 'alive' && <span className="muted"> · {n.running} running</span>}
              </li>
            ))}
          </ul>
          <Link to="/cluster" className="small">All nodes</Link>
        </>
      )}
    </section>
  );
}
