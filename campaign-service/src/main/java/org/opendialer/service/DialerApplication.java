package org.opendialer.service;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring Boot application behind {@code dialer serve} and the commands that need its beans. */
@SpringBootApplication
public class DialerApplication {
}
