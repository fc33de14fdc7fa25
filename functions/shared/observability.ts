import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { StoredOutcome } from '../../lib/process-stored-document.ts';

/** One logger and one EMF metrics sink per function; names come from POWERTOOLS_* variables. */
export const logger = new Logger({ serviceName: 'gouji' });
export const metrics = new Metrics({ namespace: 'Gouji', serviceName: 'gouji' });

/** Emits the per-document metrics: processed by status, pages OCR'd, duration. */
export function recordOutcome(m: Metrics, outcome: StoredOutcome, durationMs: number): void {
  if (outcome.outcome === 'current') {
    m.addMetric('DocumentsSkipped', MetricUnit.Count, 1);
    return;
  }
  if (outcome.outcome === 'deferred') {
    m.addMetric('OcrJobsStarted', MetricUnit.Count, 1);
    return;
  }
  const single = m.singleMetric();
  single.addDimension('status', outcome.result.status);
  single.addMetric('DocumentsProcessed', MetricUnit.Count, 1);
  m.addMetric('PagesOcrd', MetricUnit.Count, outcome.result.extraction.ocrPages?.length ?? 0);
  m.addMetric('ProcessingDuration', MetricUnit.Milliseconds, durationMs);
}
