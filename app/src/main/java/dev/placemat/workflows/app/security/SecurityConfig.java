package dev.placemat.workflows.app.security;

import dev.placemat.workflows.app.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything but webhooks, health and the designer's static files needs a signed-in user: a session (the
 * designer, with a CSRF token from the {@code XSRF-TOKEN} cookie) or an API token (automation). Viewers read;
 * editors also change and run workflows and keep connections of their own; admins do everything, including users,
 * every connection, audit and the console.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String[] PUBLIC = {"/webhooks/**", "/actuator/health", "/actuator/health/**",
        "/api/auth/login", "/", "/index.html", "/assets/**", "/favicon.ico", "/favicon.svg", "/login"};
    /**
     * The console (Hawtio at /actuator/hawtio, its Jolokia at /actuator/jolokia), metrics and the API's OpenAPI
     * document with its Swagger UI are admin only.
     */
    private static final String[] ADMIN = {"/api/audit/**", "/api/users/**", "/api/cluster", "/api/cluster/**",
        "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    /** Connections: editors manage their own and see those they may use (ConnectionAccess); viewers none. */
    private static final String[] CONNECTIONS = {"/api/connections", "/api/connections/**"};

    /**
     * Public webhooks get a chain of their own with nothing in it but the firewall and the security headers: no
     * session, no CSRF, no tokens to look up, nothing to authorise.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webhookChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/webhooks/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(c -> c.disable())
                .servletApi(s -> s.disable())
                .exceptionHandling(e -> e.disable())
                .anonymous(a -> a.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .headers(h -> h.addHeaderWriter(new ContentSecurityPolicy()))
                .build();
    }

    /** No observation of each security filter on each request: it costs more than it tells (metrics stay). */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(2)
    SecurityFilterChain filterChain(HttpSecurity http, UserRepository users, ProblemResponses problems)
            throws Exception {
        RequestMatcher bearer = ApiTokenFilter::hasBearer;
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(ADMIN).hasRole("ADMIN")
                        .requestMatchers(CONNECTIONS).hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("VIEWER", "EDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/schedules/preview")
                                .hasAnyRole("VIEWER", "EDITOR", "ADMIN")
                        .requestMatchers("/api/auth/**", "/api/tokens", "/api/tokens/**").authenticated()
                        .requestMatchers("/api/**").hasAnyRole("EDITOR", "ADMIN")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::sessionWrite)
                        .ignoringRequestMatchers(bearer)
                        .ignoringRequestMatchers("/webhooks/**", "/api/auth/login"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .securityContext(c -> c.securityContextRepository(new HttpSessionSecurityContextRepository()))
                .addFilterBefore(new ApiTokenFilter(users, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new SessionUserRefresh(users), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                problems.write(response, 401, "Unauthorized", "Sign in, or send an API token."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "Forbidden",
                                denial(request))))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()).addHeaderWriter(new ContentSecurityPolicy()));
        return http.build();
    }

    /** The designer reads the CSRF token from a cookie, sent like the session's only with same-site requests. */
    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** Only a request that carries a session can be forged by another site; others need no CSRF token. */
    private static boolean sessionWrite(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getRequestedSessionId() != null;
    }

    private static String denial(HttpServletRequest request) {
        return "Your role does not allow " + request.getMethod() + " " + request.getRequestURI()
                + ", or the request lacks its CSRF token.";
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserRepository users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }
}
