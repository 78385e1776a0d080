import { Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Caller } from '../common/caller';
import { missingProfileFields, OrganisationProfile } from './organisation-profile.entity';
import { UpdateOrganisationProfileArgs } from './organisation.inputs';
import type { OrganisationService } from './organisation.service';

@Resolver(() => OrganisationProfile)
export class OrganisationResolver {
  constructor(private readonly organisation: OrganisationService) {}

  @Query(() => OrganisationProfile, { description: 'The organisation that answers requests (shown on the sign-in page, printed in letters)' })
  organisationProfile(): Promise<OrganisationProfile> {
    return this.organisation.profile();
  }

  @Mutation(() => OrganisationProfile, { description: 'Privacy manager: only the fields sent change; audited' })
  updateOrganisationProfile(@Args() args: UpdateOrganisationProfileArgs, @Ctx() caller: Caller): Promise<OrganisationProfile> {
    return this.organisation.update(args, caller);
  }

  @FieldResolver(() => [String], { description: 'Fields still to fill before a letter can be generated' })
  missingFields(@Root() profile: OrganisationProfile): string[] {
    return missingProfileFields(profile);
  }
}
