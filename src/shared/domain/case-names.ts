import type { CaseSummary } from './case';
import { nameMatchKind } from './compare-fields';

/**
 * The registered name and the name read from the document, when they are not the same name (case,
 * accents and ICAO transliteration aside). The case keeps the registered one; the heading, the list
 * row and the evidence pack show both, labelled, so an impersonation cannot hide behind either.
 */
export function differingNames(
  names: Pick<CaseSummary, 'registeredName' | 'nameAsRead'>,
): { registered: string; asRead: string } | null {
  const registered = names.registeredName?.trim();
  const asRead = names.nameAsRead?.trim();
  if (!registered || !asRead || nameMatchKind(registered, asRead) !== null) return null;
  return { registered, asRead };
}
