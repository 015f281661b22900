/**
 * Opening the dialer's database and bringing its schema up to date. Every module that touches the
 * database goes through here, so that a bad URL, wrong credentials or a schema newer than the code
 * stop start-up with one line that says what to fix.
 */
package org.opendialer.db;
