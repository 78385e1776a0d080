import {
  itemLabel,
  type CaseType,
  type DateStyle,
  type LegalBasis,
  type NonDisclosureReason,
  type RequesterKind,
  type RequestedItemValue,
  type SubjectCategory,
} from '@mamori/shared';
import { LETTER_WORDS, type ItemOutcome, type LetterLanguage, type LetterWords } from './reply-letter.labels';

/** The organisation that signs the letter (from its profile). */
export interface SenderBlock {
  name: string;
  postalCode: string;
  postalAddress: string;
  department: string;
  title: string;
  contactEmail: string;
  requestAddress: string;
}

/** One requested item and what became of it; `values` are what the letter shows of it. */
export interface ItemAnswer {
  item: RequestedItemValue;
  outcome: ItemOutcome;
  values: Array<{ field: string; value: string | null }>;
}

export interface ProvisionLine {
  providedOn: string;
  recipient: string;
  items: string[];
  legalBasis: LegalBasis;
}

/** A purpose of use as the letter names it, in either language. */
export interface PurposeLine {
  title: string;
  titleJa: string;
}

/** What the letter answers, by kind of request (composed per case type in reply-contents.ts). */
export type LetterBody =
  | { kind: 'items'; heading: 'heldData' | 'changedData' | null; answers: ItemAnswer[] }
  | { kind: 'provisions'; periodFrom: string | null; periodTo: string | null; provisions: ProvisionLine[] }
  | { kind: 'purposes'; category: SubjectCategory | null; purposes: PurposeLine[] }
  | { kind: 'answer'; answer: string }
  | { kind: 'rejected'; reasons: NonDisclosureReason[] };

/** What a reply letter says; composed by the letter service, rendered here without any I/O. */
export interface LetterModel {
  language: LetterLanguage;
  dateStyle: DateStyle;
  sender: SenderBlock;
  today: string;
  reference: string;
  receivedOn: string;
  type: CaseType;
  requester: RequesterKind;
  requesterName: string;
  representativeName: string | null;
  replyAddress: string;
  requestedItems: RequestedItemValue[];
  body: LetterBody;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const lines = (text: string) => text.split(/\r?\n/).map(escapeHtml).join('<br>');
const p = (text: string) => `<p>${lines(text)}</p>`;

function table(head: string[] | null, rows: string[][]): string {
  const tr = (cells: string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${lines(c)}</${tag}>`).join('')}</tr>`;
  return `<table>${head ? `<thead>${tr(head, 'th')}</thead>` : ''}<tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

/** Item by item: what was asked, what became of it, and the values shown (each field on its own line). */
function itemTable(m: LetterModel, w: LetterWords, answers: ItemAnswer[]): string {
  const rows = answers.map((a) => [
    itemLabel(a.item, m.language),
    w.outcome[a.outcome],
    a.values.map((v) => `${w.field[v.field] ?? v.field}: ${v.value ?? '—'}`).join('\n'),
  ]);
  return table(w.itemColumns, rows);
}

function provisionTable(m: LetterModel, w: LetterWords, body: Extract<LetterBody, { kind: 'provisions' }>): string {
  const date = (day: string) => w.date(day, m.dateStyle);
  const lastDay = body.periodTo ? new Date(Date.parse(`${body.periodTo}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : null;
  const period = p(w.period(body.periodFrom ? date(body.periodFrom) : null, lastDay ? date(lastDay) : null));
  if (body.provisions.length === 0) return period + p(w.noProvisions);
  const rows = body.provisions.map((r) => [date(r.providedOn), r.recipient, r.items.join(w.listSeparator), w.legalBasis[r.legalBasis]]);
  return period + p(w.provisionsIntro) + table(w.provisionColumns, rows);
}

function purposeList(m: LetterModel, w: LetterWords, body: Extract<LetterBody, { kind: 'purposes' }>): string {
  if (body.purposes.length === 0) return p(w.noPurposes);
  const titles = body.purposes.map((purpose) => (m.language === 'ja' ? purpose.titleJa : purpose.title));
  const intro = p(w.purposesIntro(body.category ? w.category[body.category] : null));
  return `${intro}<ol class="purposes">${titles.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ol>`;
}

function content(m: LetterModel, w: LetterWords): string {
  const body = m.body;
  switch (body.kind) {
    case 'rejected':
      return `${p(w.rejected)}<ol class="reasons">${body.reasons.map((r) => `<li>${escapeHtml(w.reason[r])}</li>`).join('')}</ol>${p(w.feeNotRefunded)}`;
    case 'provisions':
      return provisionTable(m, w, body);
    case 'purposes':
      return purposeList(m, w, body);
    case 'answer':
      return `<h2>${escapeHtml(w.answer)}</h2>${p(body.answer)}`;
    case 'items': {
      const intro = m.type in w.done ? p(w.done[m.type as keyof LetterWords['done']]) : '';
      const heading = body.heading ? `<h2>${escapeHtml(w[body.heading])}</h2>` : '';
      return intro + heading + itemTable(m, w, body.answers);
    }
  }
}

function addressee(m: LetterModel, w: LetterWords): string {
  const name = m.requester === 'REPRESENTATIVE' && m.representativeName ? w.representativeOf(m.representativeName, m.requesterName) : w.honorific(m.requesterName);
  return `<address>${lines(m.replyAddress)}<br><strong>${escapeHtml(name)}</strong></address>`;
}

/** The sender block: company, address, the person responsible, and where requests and e-mail go. */
function sender(m: LetterModel, w: LetterWords): string {
  const s = m.sender;
  const text = [s.name, `〒${s.postalCode} ${s.postalAddress}`, `${s.department} ${s.title}`, `${w.contact}: ${s.requestAddress}`, `${w.email}: ${s.contactEmail}`];
  return `<p class="sender">${text.map(escapeHtml).join('<br>')}</p>`;
}

const STYLE = `@page{size:A4;margin:25mm 20mm}body{font-family:"Noto Serif JP","Hiragino Mincho ProN","Yu Mincho",serif;font-size:11pt;line-height:1.7;color:#000}
.date,.sender{text-align:right}address{font-style:normal;margin:1.5em 0}h1{font-size:14pt;text-align:center;margin:1.5em 0}h2{font-size:11pt;margin-top:1.5em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:.3em .5em;text-align:left;vertical-align:top}.closing{text-align:right;margin-top:2em}`;

/** The reply letter as a print-ready HTML page; every value is escaped. */
export function renderReplyLetter(m: LetterModel): string {
  const w = LETTER_WORDS[m.language];
  const items = m.requestedItems.length ? p(`${w.requestedItems}: ${m.requestedItems.map((i) => itemLabel(i, m.language)).join(w.listSeparator)}`) : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${m.language}"><head><meta charset="utf-8"><title>${escapeHtml(`${w.title} ${m.reference}`)}</title><style>${STYLE}</style></head><body>`,
    `<p class="date">${escapeHtml(w.date(m.today, m.dateStyle))}<br>${escapeHtml(w.reference)}: ${escapeHtml(m.reference)}</p>`,
    addressee(m, w),
    sender(m, w),
    `<h1>${escapeHtml(w.title)}</h1>`,
    p(w.intro(w.date(m.receivedOn, m.dateStyle), w.caseType[m.type])),
    items,
    content(m, w),
    `<p class="closing">${escapeHtml(w.closing)}</p>`,
    '</body></html>',
  ].join('\n');
}
