/**
 * The version that produced a result. A result made by another version is not current: an
 * upgrade re-reads documents instead of keeping what an older reader got wrong. Keep in step with
 * package.json (a test checks it).
 */
export const GOUJI_VERSION = '0.1.0';
