/**
 * Lead and do-not-call list import: any real-world CSV, TSV or XLSX file (UTF-8 with or without BOM,
 * UTF-16, GBK/GB18030, or a named encoding), phones normalised to E.164 with their type and time zone, deduplicated and
 * scrubbed against the DNC lists, run as a restartable Spring Batch job that accounts for every row.
 */
package org.opendialer.service.leadimport;
