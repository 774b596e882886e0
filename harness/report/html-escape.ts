/**
 * HTML escaping for text and attribute values: everything a learner wrote goes through here. Controls, line
 * breaks and bidi overrides are shown as visible escapes first (escapeControls), so a learner's text can
 * neither reorder what the page shows nor add a line inside a <pre>.
 */
import { escapeControls } from './escape.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return escapeControls(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
