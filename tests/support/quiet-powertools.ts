// Imported first by tests that load the functions' shared logger and metrics: Powertools reads
// these when those objects are built at import, so they must be set before anything else loads.
process.env['POWERTOOLS_LOG_LEVEL'] = 'CRITICAL';
process.env['POWERTOOLS_METRICS_DISABLED'] = 'true';
