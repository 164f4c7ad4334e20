/**
 * The designer's icons: SVG (lucide) instead of emoji, which render as empty boxes where the system has no emoji
 * font. The server's action descriptors keep their `icon` field; the UI picks an icon by action type and category.
 */
import {
  ChartColumn, Clock, Database, File, FileChartColumn, FileText, Filter, GitBranch, Globe, Hourglass, Mail,
  MessageSquare, Play, Radio, Repeat, Settings, Shuffle, Sigma, Webhook, Workflow, Zap, type LucideIcon,
} from 'lucide-react';

const BY_TYPE: Record<string, LucideIcon> = {
  'control.condition': GitBranch,
  'control.loop': Repeat,
  'control.wait': Hourglass,
  'data.transform': Shuffle,
  'data.filter': Filter,
  'data.aggregate': Sigma,
  'data.query': Database,
};

const BY_CATEGORY: Record<string, LucideIcon> = {
  http: Globe,
  email: Mail,
  slack: MessageSquare,
  notion: FileText,
  data: Shuffle,
  database: Database,
  control: Workflow,
  files: File,
  file: File,
  report: FileChartColumn,
  analytics: ChartColumn,
};

const TRIGGERS: Record<string, LucideIcon> = { webhook: Webhook, schedule: Clock, event: Radio, manual: Play };

/** The icon of an action type (its category is the part before the dot when not given). */
export function actionIcon(type: string, category?: string): LucideIcon {
  return BY_TYPE[type] ?? BY_CATEGORY[category ?? type.split('.')[0]] ?? Settings;
}

export function ActionIcon({ type, category, size = 18 }: { type: string; category?: string; size?: number }) {
  const Icon = actionIcon(type, category);
  return <Icon size={size} aria-hidden="true" className="icon" data-icon={Icon.displayName} />;
}

export function TriggerIcon({ type, size = 18 }: { type: string; size?: number }) {
  const Icon = TRIGGERS[type] ?? Zap;
  return <Icon size={size} aria-hidden="true" className="icon" />;
}
