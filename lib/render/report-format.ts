import type { FormatVersion } from '../model/form.ts';
import type { Result } from '../model/result.ts';

/** The format to draw the tables in: the report's, else guessed from the tables' shapes. */
export function formatOf(result: Result): FormatVersion {
  if (result.report.formatVersion) return result.report.formatVersion;
  const { proactive, applications } = result.tables;
  if (proactive && 'newlyMade' in proactive.regulations) return '2019';
  if (applications && 'naturalPerson' in applications.results.otherHandling) return '2019';
  return '2021';
}
