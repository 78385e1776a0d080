import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * Text the database cannot hold as sent, or that disguises itself, is refused
 * before anything runs: a lone UTF-16 surrogate (stored as U+FFFD, so the row
 * would differ from what the response and the audit digest say), control
 * characters other than tab and line breaks (NUL among them), and the
 * bidirectional embedding, override and isolate controls that make text read
 * differently from what it holds. Checked in variables and in the query's own
 * string literals; the error names the variable or argument, never the value.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isAcceptableText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !FORBIDDEN_CHARACTERS.test(text);
}

function firstBadValue(value: unknown): boolean {
  if (typeof value === 'string') return !isAcceptableText(value);
  if (Array.isArray(value)) return value.some(firstBadValue);
  if (value && typeof value === 'object') return Object.values(value).some(firstBadValue);
  return false;
}

/** The first ill-formed literal argument of each document, found once: Apollo hands the same parsed document to every request that sends the same text. */
const literalVerdicts = new WeakMap<DocumentNode, string | null>();

function badLiteralArgument(document: DocumentNode): string | null {
  const known = literalVerdicts.get(document);
  if (known !== undefined) return known;
  const found = findBadLiteralArgument(document);
  literalVerdicts.set(document, found);
  return found;
}

function findBadLiteralArgument(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Argument(node) {
      if (found) return false;
      let bad = false;
      visit(node.value, {
        StringValue(s) {
          if (!isAcceptableText(s.value)) bad = true;
        },
      });
      if (bad) found = node.name.value;
      return undefined;
    },
  });
  return found;
}

const refuse = (field: string) =>
  new GraphQLError(`Invalid ${field}: text must be well-formed Unicode without control or bidirectional override characters`, {
    extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
  });

export function inputTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            if (firstBadValue(value)) throw refuse(name);
          }
          const argument = badLiteralArgument(document);
          if (argument) throw refuse(argument);
        },
      };
    },
  };
}
