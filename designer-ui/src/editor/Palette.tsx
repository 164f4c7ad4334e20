/** The action palette: actions grouped by category, searchable; click to add, or drag onto the canvas. */
import { useMemo, useState } from 'react';
import { categoryLabel, searchCatalogue, type Catalogue } from './catalogue';
import { ACTION_MIME } from './Canvas';
import { ActionIcon } from '../components/icons';

export function Palette({ catalogue, onAdd, target }: {
  catalogue: Catalogue; onAdd: (actionType: string) => void; target?: string;
}) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => searchCatalogue(catalogue, query), [catalogue, query]);
  return (
    <aside className="palette" aria-label="Actions">
      <input type="search" placeholder="Search actions…" value={query} data-testid="palette-search"
        aria-label="Search actions" onChange={(e) => setQuery(e.target.value)} />
      {target && <div className="palette-target muted small" data-testid="palette-target">Adds {target}</div>}
      {groups.length === 0 && <div className="muted small">No action matches “{query}”.</div>}
      {groups.map((group) => (
        <section key={group.category} className="palette-group" data-testid={`palette-group-${group.category}`}>
          <h4>{categoryLabel(group.category)}</h4>
          {group.actions.map((action) => (
            <button key={action.type} type="button" className="palette-item" data-testid={`palette-${action.type}`}
              draggable title={action.description ?? action.type}
              onDragStart={(e) => {
                e.dataTransfer.setData(ACTION_MIME, action.type);
                e.dataTransfer.setData('text/plain', action.type);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onAdd(action.type)}>
              <span className="palette-icon"><ActionIcon type={action.type} category={action.category} /></span>
              <span className="palette-text">
                <span className="palette-name">{action.display_name}</span>
                <span className="palette-type">{action.type}</span>
              </span>
            </button>
          ))}
        </section>
      ))}
    </aside>
  );
}
