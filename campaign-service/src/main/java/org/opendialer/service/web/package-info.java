/** What every REST controller shares: error bodies that name the offending field. */
package org.opendialer.service.web;
