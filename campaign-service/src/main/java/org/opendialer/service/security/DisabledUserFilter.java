package org.opendialer.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.opendialer.service.user.UserAccount;
import org.opendialer.service.user.UserDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the browser session of a user who was disabled (or removed) since signing in, on their next request,
 * instead of letting it run until it idles out.
 */
public class DisabledUserFilter extends OncePerRequestFilter {

    private final UserDirectory users;

    public DisabledUserFilter(UserDirectory users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.isAuthenticated() && request.getHeader("Authorization") == null
                && !users.byUsername(auth.getName()).map(UserAccount::enabled).orElse(false)) {
            SecurityContextHolder.clearContext();
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
