import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { conflict } from '../../errors';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { missingProfileFields, OrganisationProfile, PROFILE_FIELDS } from './organisation-profile.entity';
import type { UpdateOrganisationProfileArgs } from './organisation.inputs';

const PROFILE_ID = 1;

/** An empty profile: what production starts with, until the privacy manager fills it. */
const empty = (): OrganisationProfile =>
  Object.assign(new OrganisationProfile(), {
    id: PROFILE_ID,
    ...Object.fromEntries(PROFILE_FIELDS.map((f) => [f, null])),
    dateStyle: 'WESTERN',
    updatedAt: null,
    updatedById: null,
  });

/** The organisation profile: read by anyone (it is the published contact point), changed by the privacy manager, audited. */
export class OrganisationService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
  ) {}

  async profile(): Promise<OrganisationProfile> {
    return (await this.db.manager.findOneBy(OrganisationProfile, { id: PROFILE_ID })) ?? empty();
  }

  /** The profile a letter is signed with; CONFLICT naming the rule while it is incomplete. */
  async signingProfile(): Promise<OrganisationProfile> {
    const profile = await this.profile();
    const missing = missingProfileFields(profile);
    if (missing.length) {
      throw conflict('ORGANISATION_PROFILE_INCOMPLETE', 'The privacy manager must fill in the organisation profile before letters are generated', { missing });
    }
    return profile;
  }

  /** Changes only the fields sent; an UPDATE entry names the fields changed (no values needed: nothing here is personal). */
  async update(args: UpdateOrganisationProfileArgs, caller: Caller): Promise<OrganisationProfile> {
    const profile = await this.profile();
    const stored = profile as unknown as Record<string, unknown>;
    const changed: string[] = [];
    for (const field of PROFILE_FIELDS) {
      const sent = (args as Record<string, unknown>)[field];
      if (sent === undefined) continue;
      const value = typeof sent === 'string' ? sent.trim() || null : sent;
      if (field === 'dateStyle' && value === null) continue;
      if (stored[field] === value) continue;
      stored[field] = value;
      changed.push(field);
    }
    if (changed.length === 0) return profile;
    profile.updatedAt = this.clock.now().toISOString();
    profile.updatedById = caller.user!.id;
    const saved = await this.db.transaction(async (manager) => {
      await this.writer.writeWithin(manager, [caller.audit.entry('UPDATE', { entityType: 'OrganisationProfile', entityId: PROFILE_ID, fields: changed })]);
      return manager.save(profile);
    });
    this.writer.committed();
    return saved;
  }
}
