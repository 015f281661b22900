package org.opendialer.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer <token>} as the token's user, for this request
 * only (no session). A token that opens nothing gets 401 and counts as a failure of the address; a locked
 * address gets 429 with Retry-After.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public ApiTokenFilter(ApiTokens tokens, LoginThrottle throttle, AuditLog audit) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    static boolean sendsToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!sendsToken(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> locked = throttle.lockedFor(null, address);
        if (locked.isPresent()) {
            SignInRefusals.tooMany(response, new SignInLockedException(locked.get()));
            return;
        }
        Optional<ApiTokens.Holder> holder = tokens.holder(request.getHeader("Authorization").substring(7).trim());
        if (holder.isEmpty()) {
            boolean nowLocked = throttle.failed(null, address);
            audit.recordFor(null, AuditLog.SIGN_IN_FAILED, "address " + address, "API token unknown, revoked or expired");
            if (nowLocked) {
                audit.recordFor(null, AuditLog.SIGN_IN_LOCKED, "address " + address, "locked after repeated failures");
            }
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "API token unknown, revoked or expired");
            return;
        }
        ApiTokens.Holder h = holder.get();
        List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_" + h.role().name()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new User(h.username(), "", roles), null, roles));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
