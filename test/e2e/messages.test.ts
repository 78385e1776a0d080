import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as shared from '@mamori/shared';
import { en } from '../../admin-ui/src/i18n/en';
import { ja } from '../../admin-ui/src/i18n/ja';

/** Every label of ours exists in both languages (no browser needed). */
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}

const EN = flatten(en as unknown as Tree);
const JA = flatten(ja as unknown as Tree);
const code = sources(join(__dirname, '../../admin-ui/src')).join('\n');

describe('the UI messages', () => {
  test('English and Japanese have the same keys, none empty, and Japanese is not left in English', () => {
    expect([...JA.keys()].sort()).toEqual([...EN.keys()].sort());
    for (const [key, value] of [...EN, ...JA]) expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
    const untranslated = [...JA].filter(([key, value]) => value === EN.get(key) && /[a-z]{4,}/.test(value) && !/^(ID|CSV|JSON Lines|Mamori)/.test(value));
    expect(untranslated).toEqual([]);
  });

  test('every literal key the code uses exists', () => {
    const used = new Set([...code.matchAll(/['"`]((?:mamori|resources)\.[A-Za-z_]+\.[A-Za-z_.]+[A-Za-z_])['"`]/g)].map((m) => m[1]!));
    // a key, a resource's name, or the namespace a screen builds its keys under (`${P}.cases`)
    const isNamespace = (key: string) => [...EN.keys()].some((k) => k.startsWith(`${key}.`));
    const missing = [...used].filter((key) => !EN.has(key) && !EN.has(`${key}.name`) && !isNamespace(key));
    expect(missing).toEqual([]);
  });

  test('every value of the contract’s enums has a label in both languages', () => {
    const enums: Record<string, readonly string[]> = {
      Role: shared.ROLES,
      SubjectCategory: shared.SUBJECT_CATEGORIES,
      CaseType: shared.CASE_TYPES,
      CaseStatus: shared.CASE_STATUSES,
      RequesterKind: shared.REQUESTER_KINDS,
      Channel: shared.CHANNELS,
      IdentityDocument: shared.IDENTITY_DOCUMENTS,
      NonDisclosureReason: shared.NON_DISCLOSURE_REASONS,
      ConsentMethod: shared.CONSENT_METHODS,
      LegalBasis: shared.LEGAL_BASES,
      ReviewResult: shared.REVIEW_RESULTS,
      IncidentKind: shared.INCIDENT_KINDS,
      AuditAction: shared.AUDIT_ACTIONS,
      AuditOutcome: shared.AUDIT_OUTCOMES,
      ExportFormat: shared.EXPORT_FORMATS,
      TrainingResult: shared.TRAINING_RESULTS,
      AuditFindingKind: shared.AUDIT_FINDING_KINDS,
      AuditArea: shared.AUDIT_AREAS,
      InternalAuditStatus: shared.INTERNAL_AUDIT_STATUSES,
    };
    const missing = Object.entries(enums).flatMap(([name, values]) =>
      values.map((v) => `mamori.enums.${name}.${v}`).filter((key) => !EN.has(key) || !JA.has(key)),
    );
    expect(missing).toEqual([]);
  });

  test('every business rule the server names has words in both languages', () => {
    const server = sources(join(__dirname, '../../server/src')).join('\n');
    const rules = new Set([
      ...[...server.matchAll(/conflict\(\s*'([A-Z_]+)'/g)].map((m) => m[1]!),
      ...[...server.matchAll(/rule: '([A-Z_]+)'/g)].map((m) => m[1]!),
    ]);
    expect(rules.size).toBeGreaterThan(10);
    expect([...rules].filter((rule) => !EN.has(`mamori.rules.${rule}`) || !JA.has(`mamori.rules.${rule}`))).toEqual([]);
  });

  test('every field a screen shows or asks for has a label (the field itself, or the referenced record it shows)', () => {
    const labelled = new Set([...EN.keys()].filter((k) => k.startsWith('resources.') && k.includes('.fields.')).map((k) => k.split('.').pop()!));
    const fields = new Set([...code.matchAll(/\bsource="([A-Za-z]+)"/g)].map((m) => m[1]!));
    expect([...fields].filter((f) => !labelled.has(f))).toEqual([]);
  });
});
