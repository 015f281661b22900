/**
 * The {@code dialer} command line: one picocli command class per sub-command. Commands that need the
 * application's beans start a Spring context through {@link org.opendialer.service.cli.SpringContexts}.
 */
package org.opendialer.service.cli;
