import { allow } from 'graphql-shield';
import { permissionRules } from '.';
import { WHO } from './rules';

const COLUMNS = ['PRIVACY_MANAGER', 'STAFF', 'SUPERVISOR', 'AUDITOR', 'anonymous'] as const;

function whoMay(rule: unknown): readonly string[] {
  if (rule === allow) return COLUMNS;
  const roles = WHO.get(rule);
  if (!roles) throw new Error('A rule in the permission map is not registered in WHO (permissions/rules.ts)');
  return roles;
}

/** The role × operation matrix, generated from the rule map (docs/permissions.md). */
export function permissionMatrix(): string {
  const lines = [
    '# Permission matrix',
    '',
    'Generated from `server/src/permissions/index.ts` by `npm run generate`; a test fails when it is stale.',
    'Review a change here as a permission change. Need-to-know (staff and their assigned cases) narrows',
    'what an allowed operation returns; personal fields are guarded per subject (the internal auditor reads none).',
    '',
  ];
  for (const type of ['Query', 'Mutation'] as const) {
    lines.push(`## ${type}`, '', `| operation | ${COLUMNS.join(' | ')} |`, `|---|${COLUMNS.map(() => ':-:').join('|')}|`);
    const rules = permissionRules[type] as Record<string, unknown>;
    for (const name of Object.keys(rules).sort()) {
      const who = whoMay(rules[name]);
      lines.push(`| \`${name}\` | ${COLUMNS.map((c) => (who.includes(c) ? 'yes' : '—')).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
