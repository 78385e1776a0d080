import type { ContainerType } from 'type-graphql';
import type { Caller } from '../modules/common/caller';
import type { Services } from '../services';

export type { AuthUser } from '../modules/common/caller';

/** What every resolver and rule sees about the request: the caller, plus what only the transport needs. */
export interface Context extends Caller {
  /** Why a presented token was refused, for the UNAUTHENTICATED message. */
  authError: string | null;
  services: Services;
  /** This app's resolver instances, with their services injected. */
  resolvers: ContainerType;
}
