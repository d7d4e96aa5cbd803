import { redactPrivateKeys } from '../redact.ts';

/** Text for HTML content and quoted attributes: journal text is user text, so nothing in it becomes markup. */
export function html(text: string): string {
  return redactPrivateKeys(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only web links become links; anything else (`javascript:`, relative) is shown as text. */
export function link(url: string, title: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${html(url)}" rel="noopener noreferrer">${html(title)}</a>` : html(title);
}
