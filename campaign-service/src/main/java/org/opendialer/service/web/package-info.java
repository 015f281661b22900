/** What every REST controller shares: one error shape, RFC 7807 problem details naming the offending field. */
package org.opendialer.service.web;
