/** Accounts: users with their role, phone and skills, as every other feature asks about them. */
package org.opendialer.service.user;
