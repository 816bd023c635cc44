import { problemInLanguage } from '../domain/problemInLanguage';
import { problemText } from '../domain/problems';
import type { SyncStatus } from '../messaging/protocol';
import type { Translate } from '../ui/plural';

/**
 * Options → Sync: the server documents sync refused, in one line: how many, and the first one's
 * id and why (a server admin finds it by its id). Null while there are none.
 */
export function refusedDocumentsLine(refused: SyncStatus['refused'], t: Translate): string | null {
  const first = refused[0];
  if (first === undefined) return null;
  const why = problemInLanguage(first.problem, (key, values) => t(key, values), problemText(first.problem));
  return t('syncRefused', [String(refused.length), first.id, why]);
}
