import { getMetadataStorage, validateOrReject, type ValidationError, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';

/** type-graphql's own defaults for argument validation. */
const OPTIONS: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

const validatable = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * Validates each argument object with class-validator exactly as type-graphql
 * does by default (its options, arrays item by item, its error), with two
 * costs taken off every request:
 * - type-graphql loads class-validator with a `require` on each call, and
 *   since the module was first loaded from elsewhere, each one resolves its
 *   file name anew;
 * - class-validator finds a class's rules by walking every decorated class on
 *   each call (for inherited rules); they are fixed once the schema is built,
 *   so they are looked up once per class.
 */
export function argumentValidator(): ValidatorFn {
  rememberRuleLookups();
  return async (value) => {
    try {
      if (Array.isArray(value)) await Promise.all(value.filter(validatable).map((item) => validateOrReject(item, OPTIONS)));
      else if (validatable(value)) await validateOrReject(value, OPTIONS);
    } catch (errors) {
      throw new ArgumentValidationError(errors as ValidationError[]);
    }
  };
}

let remembered = false;

function rememberRuleLookups(): void {
  if (remembered) return;
  remembered = true;
  const storage = getMetadataStorage();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const byTarget = new Map<unknown, Map<string, ReturnType<typeof lookUp>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? ''}`;
    let byOptions = byTarget.get(target);
    if (!byOptions) byTarget.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
}
