/** Writing report tables: CSV (optionally with a BOM for Excel), streamed XLSX and HTML, every cell safe from formula injection. */
package org.opendialer.reports.export;
