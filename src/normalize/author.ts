// Author names. RSS 2.0 defines <author> as an email address and feeds write "jo@example.com (Jo Lee)"
// or "Jo Lee (jo@example.com)"; feedparser's rule (_sync_author_detail) takes the email out and keeps what
// is left, without the brackets, as the name. The archive shows a byline, so the name is what we keep; an
// author given only as an address keeps the address, which still says who wrote it.
import { plainText } from './title.ts';

// A bare or mailto: address, as feedparser's pattern finds it (local part, @, dotted host or [IP]).
const EMAIL = /(?:mailto:)?[A-Za-z0-9_.+-]+@(?:\[[0-9]{1,3}(?:\.[0-9]{1,3}){3}\]|(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?:\?subject=\S+)?/;

/** The author's name from what the feed sent (HTML allowed, as in titles), or null when it says nothing. */
export function authorName(raw: string | null): string | null {
  if (raw === null) return null;
  const text = plainText(raw);
  const email = EMAIL.exec(text);
  if (email === null) return text === '' ? null : text;
  const name = text
    .replace(email[0], '')
    .replace(/\(\s*\)|<\s*>|\[\s*\]/g, '')
    .trim()
    .replace(/^[(<[]\s*|\s*[)>\]]$/g, '')
    .replace(/[\s,;:]+$/, '')
    .trim();
  if (name !== '') return name;
  return email[0].replace(/^mailto:/, '').replace(/\?subject=\S+$/, '');
}
