package org.opendialer.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.opendialer.engine.clock.DialerClock;
import org.opendialer.service.user.Role;
import org.opendialer.service.user.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The access rules. People sign in with a form and keep a session (CSRF-protected); scripts send an API
 * token ({@code Authorization: Bearer}) or HTTP Basic credentials on each request, which carry no ambient
 * cookie and so need no CSRF token. Form and Basic share one password check and one lock-out count.
 * Admins may do everything; managers run campaigns, lists and scripts; analysts read reports; agents reach
 * only their own session, the calls they took and the leads passed to them.
 */
@Configuration
public class SecurityConfiguration {

    private static final String MANAGER = Role.MANAGER.name();
    private static final String AGENT = Role.AGENT.name();
    private static final String ANALYST = Role.ANALYST.name();
    private static final String ADMIN = Role.ADMIN.name();

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public LoginThrottle loginThrottle(DialerClock clock, LoginProperties login) {
        return new LoginThrottle(new LoginThrottle.Policy(login.maxFailures(), login.maxFailuresPerAddress(), login.failureWindow(),
                login.lockDuration()), clock);
    }

    /** The one way a password is checked, for the form and HTTP Basic alike. */
    @Bean
    public PasswordSignIn passwordSignIn(UserDirectory users, PasswordEncoder passwords, LoginThrottle throttle, AuditLog audit,
                                         DialerClock clock, LoginProperties login) {
        return new PasswordSignIn(users, passwords, throttle, audit, clock, login.basicCache());
    }

    @Bean
    public ApiTokens apiTokens(JdbcTemplate jdbc, DialerClock clock) {
        return new ApiTokens(jdbc, clock);
    }

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http, AgentAccess agents, PasswordSignIn signIn, ApiTokens tokens,
                                           LoginThrottle throttle, AuditLog audit, UserDirectory users) throws Exception {
        http.authenticationManager(new ProviderManager(signIn))
                .addFilterBefore(new ApiTokenFilter(tokens, throttle, audit), BasicAuthenticationFilter.class)
                .addFilterAfter(new DisabledUserFilter(users), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error", "/actuator/health/**").permitAll()
                        // each user's own account (password, API tokens), whatever their role
                        .requestMatchers("/api/me", "/api/me/**").authenticated()
                        // an agent's own session and screen; managers may act for them
                        .requestMatchers("/api/agents/{id}", "/api/agents/{id}/**").access(self(agents))
                        .requestMatchers(HttpMethod.GET, "/api/leads/search").hasAnyRole(MANAGER, ANALYST, AGENT, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/recordings").hasAnyRole(MANAGER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/leads/{id}").access(leadOf(agents))
                        .requestMatchers(HttpMethod.PUT, "/api/leads/{id}").access(leadWrite(agents))
                        .requestMatchers(HttpMethod.GET, "/api/attempts/{id}/recording").access(recordingOf(agents))
                        .requestMatchers("/api/attempts/{id}", "/api/attempts/{id}/disposition", "/api/attempts/{id}/recording").access(attemptOf(agents))
                        // reading a lead is not writing to it: analysts read, never book
                        .requestMatchers(HttpMethod.POST, "/api/leads/{id}/callbacks").access(leadWrite(agents))
                        .requestMatchers(HttpMethod.PUT, "/api/leads/{id}/grade").access(leadWrite(agents))
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/{id}/dispositions", "/api/scripts/{id}", "/api/scripts/{id}/prompts")
                                .hasAnyRole(MANAGER, AGENT, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/campaigns", "/api/campaigns/{id}").hasAnyRole(MANAGER, ANALYST, AGENT, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/campaigns/{id}/reports/**", "/api/campaigns/{id}/charts/**").hasAnyRole(MANAGER, ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/users/{id}").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/users").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers("/api/users/**", "/api/users", "/actuator/**", "/api/audit", "/admin/**").hasRole(ADMIN)
                        .requestMatchers("/api/**", "/manager/**", "/ui/campaigns/**", "/ui/wallboard/**").hasAnyRole(MANAGER, ADMIN)
                        .requestMatchers("/agent/**", "/ui/agent/**").hasAnyRole(AGENT, ADMIN)
                        .requestMatchers("/analyst/**").hasAnyRole(ANALYST, MANAGER, ADMIN)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler(SignInRefusals.form()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(SignInRefusals.basic()))
                // API clients get a bare 401 (no browser password dialog over the UI's own calls); pages send to sign-in
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher("/ui/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::sendsBasicCredentials, ApiTokenFilter::sendsToken));
        return http.build();
    }

    /** A request that authenticates itself (HTTP Basic or an API token) cannot be forged by another site through the browser's cookie. */
    private static boolean sendsBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static AuthorizationManager<RequestAuthorizationContext> self(AgentAccess agents) {
        return (auth, context) -> decide(auth, a -> agents.isSelf(a, id(context)));
    }

    private static AuthorizationManager<RequestAuthorizationContext> leadOf(AgentAccess agents) {
        return (auth, context) -> decide(auth, a -> agents.mayOpenLead(a, id(context)));
    }

    private static AuthorizationManager<RequestAuthorizationContext> leadWrite(AgentAccess agents) {
        return (auth, context) -> decide(auth, a -> agents.mayChangeLead(a, id(context)));
    }

    private static AuthorizationManager<RequestAuthorizationContext> attemptOf(AgentAccess agents) {
        return (auth, context) -> decide(auth, a -> agents.mayOpenAttempt(a, id(context)));
    }

    private static AuthorizationManager<RequestAuthorizationContext> recordingOf(AgentAccess agents) {
        return (auth, context) -> decide(auth, a -> agents.mayPlayRecording(a, id(context)));
    }

    private static long id(RequestAuthorizationContext context) {
        try {
            return Long.parseLong(context.getVariables().get("id"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static AuthorizationDecision decide(Supplier<Authentication> auth, java.util.function.Predicate<Authentication> rule) {
        Authentication a = auth.get();
        return new AuthorizationDecision(a != null && a.isAuthenticated() && !"anonymousUser".equals(a.getPrincipal()) && rule.test(a));
    }
}
