import type { CaseType, LegalBasis, NonDisclosureReason, RequesterKind, SubjectCategory } from '@mamori/shared';
import { LETTER_WORDS, type LetterLanguage, type LetterWords } from './reply-letter.labels';

/** What a reply letter says; composed by the letter service, rendered here without any I/O. */
export interface LetterModel {
  language: LetterLanguage;
  today: string;
  reference: string;
  receivedOn: string;
  type: CaseType;
  requester: RequesterKind;
  requesterName: string;
  representativeName: string | null;
  replyAddress: string;
  dataItems: string[];
  /** Disclosed data, or the changed fields as they now stand. */
  data: Array<{ field: string; value: string }>;
  category: SubjectCategory | null;
  provisions: Array<{ providedOn: string; recipient: string; items: string[]; legalBasis: LegalBasis }>;
  /** Set when the request was rejected. */
  reasons: NonDisclosureReason[];
  /** The answer to an inquiry or complaint. */
  answer: string | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const lines = (text: string) => text.split(/\r?\n/).map(escapeHtml).join('<br>');
const p = (text: string) => `<p>${lines(text)}</p>`;

function table(head: string[] | null, rows: string[][]): string {
  const tr = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${lines(c)}</${tag}>`).join('')}</tr>`;
  return `<table>${head ? `<thead>${tr(head, 'th')}</thead>` : ''}<tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

function dataTable(m: LetterModel, w: LetterWords): string {
  const rows = m.data.map((d) => [w.field[d.field] ?? d.field, d.value]);
  if (m.category) rows.unshift([w.field.category!, w.category[m.category]]);
  return table(null, rows);
}

function provisionTable(m: LetterModel, w: LetterWords): string {
  if (m.provisions.length === 0) return p(w.noProvisions);
  const rows = m.provisions.map((r) => [w.date(r.providedOn), r.recipient, r.items.join(m.language === 'ja' ? '、' : ', '), w.legalBasis[r.legalBasis]]);
  return p(w.provisionsIntro) + table(w.provisionColumns, rows);
}

/** The body for a request that was carried out. */
function responded(m: LetterModel, w: LetterWords): string {
  switch (m.type) {
    case 'DISCLOSURE':
      return `<h2>${escapeHtml(w.heldData)}</h2>${m.data.length ? dataTable(m, w) : p(w.noDataHeld)}`;
    case 'DISCLOSURE_OF_PROVISION_RECORDS':
      return provisionTable(m, w);
    case 'INQUIRY':
    case 'COMPLAINT':
      return `<h2>${escapeHtml(w.answer)}</h2>${p(m.answer ?? '')}`;
    case 'AMENDMENT':
    case 'ADDITION':
      return p(w.done[m.type]) + (m.data.length ? `<h2>${escapeHtml(w.changedData)}</h2>${table(null, m.data.map((d) => [w.field[d.field] ?? d.field, d.value]))}` : '');
    default:
      return p(w.done[m.type]);
  }
}

function rejected(m: LetterModel, w: LetterWords): string {
  return `${p(w.rejected)}<ol class="reasons">${m.reasons.map((r) => `<li>${escapeHtml(w.reason[r])}</li>`).join('')}</ol>${p(w.feeNotRefunded)}`;
}

function addressee(m: LetterModel, w: LetterWords): string {
  const name = m.requester === 'REPRESENTATIVE' && m.representativeName ? w.representativeOf(m.representativeName, m.requesterName) : w.honorific(m.requesterName);
  return `<address>${lines(m.replyAddress)}<br><strong>${escapeHtml(name)}</strong></address>`;
}

const STYLE = `@page{size:A4;margin:25mm 20mm}body{font-family:"Noto Serif JP","Hiragino Mincho ProN","Yu Mincho",serif;font-size:11pt;line-height:1.7;color:#000}
.date,.sender{text-align:right}address{font-style:normal;margin:1.5em 0}h1{font-size:14pt;text-align:center;margin:1.5em 0}h2{font-size:11pt;margin-top:1.5em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:.3em .5em;text-align:left;vertical-align:top}.closing{text-align:right;margin-top:2em}`;

/** The reply letter as a print-ready HTML page; every value is escaped. */
export function renderReplyLetter(m: LetterModel): string {
  const w = LETTER_WORDS[m.language];
  const items = m.dataItems.length ? `<p>${escapeHtml(w.requestedItems)}: ${escapeHtml(m.dataItems.join(m.language === 'ja' ? '、' : ', '))}</p>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${m.language}"><head><meta charset="utf-8"><title>${escapeHtml(`${w.title} ${m.reference}`)}</title><style>${STYLE}</style></head><body>`,
    `<p class="date">${escapeHtml(w.date(m.today))}<br>${escapeHtml(w.reference)}: ${escapeHtml(m.reference)}</p>`,
    addressee(m, w),
    `<p class="sender">${escapeHtml(w.sender)}</p>`,
    `<h1>${escapeHtml(w.title)}</h1>`,
    p(w.intro(w.date(m.receivedOn), w.caseType[m.type])),
    items,
    m.reasons.length ? rejected(m, w) : responded(m, w),
    `<p class="closing">${escapeHtml(w.closing)}</p>`,
    '</body></html>',
  ].join('\n');
}
