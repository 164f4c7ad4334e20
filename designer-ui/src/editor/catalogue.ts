/** The action catalogue: lookup by type (or alias), grouping and search for the palette. */
import type { ActionCatalogue, ActionInfo } from '../api/types';

export interface Catalogue {
  groups: { category: string; actions: ActionInfo[] }[];
  byType: Map<string, ActionInfo>;
}

export function buildCatalogue(data: ActionCatalogue | null | undefined): Catalogue {
  const byType = new Map<string, ActionInfo>();
  const groups = (data?.categories ?? []).map((group) => ({
    category: group.category,
    actions: [...group.actions].sort((a, b) => a.display_name.localeCompare(b.display_name)),
  }));
  for (const group of groups) {
    for (const action of group.actions) {
      byType.set(action.type, action);
      for (const alias of action.aliases ?? []) if (!byType.has(alias)) byType.set(alias, action);
    }
  }
  return { groups, byType };
}

/** Groups whose actions match every word of the query in type, name, category or description. */
export function searchCatalogue(catalogue: Catalogue, query: string): Catalogue['groups'] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return catalogue.groups;
  return catalogue.groups
    .map((group) => ({
      category: group.category,
      actions: group.actions.filter((action) => {
        const text = [action.type, action.display_name, action.category, action.description ?? '',
          ...(action.aliases ?? [])].join(' ').toLowerCase();
        return words.every((word) => text.includes(word));
      }),
    }))
    .filter((group) => group.actions.length > 0);
}

export function categoryLabel(category: string): string {
  const known: Record<string, string> = { http: 'HTTP', control: 'Control flow', data: 'Data', email: 'Email' };
  return known[category] ?? category.charAt(0).toUpperCase() + category.slice(1);
}
