package org.opendialer.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * What a refused sign-in answers. HTTP Basic: 401 for wrong credentials, 429 with Retry-After while the user
 * or address is locked. The sign-in form: back to the form, with the plain message that fits.
 */
final class SignInRefusals {

    private SignInRefusals() {
    }

    static void tooMany(HttpServletResponse response, SignInLockedException locked) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(locked.retryAfterSeconds()));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println("Too many failed sign-ins: try again in " + locked.retryAfterSeconds() + " seconds.");
    }

    static AuthenticationEntryPoint basic() {
        BasicAuthenticationEntryPoint wrong = new BasicAuthenticationEntryPoint();
        wrong.setRealmName("dialer");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof SignInLockedException locked) {
                tooMany(response, locked);
            } else {
                wrong.commence(request, response, e);
            }
        };
    }

    static AuthenticationFailureHandler form() {
        return (request, response, e) -> {
            String to = e instanceof SignInLockedException locked
                    ? "/login?locked=" + Math.max(1, (locked.retryAfterSeconds() + 59) / 60) : "/login?error";
            response.sendRedirect(request.getContextPath() + to);
        };
    }
}
