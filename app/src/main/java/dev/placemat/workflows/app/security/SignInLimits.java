package dev.placemat.workflows.app.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sign-in throttle ({@code workflows.security.sign-in.*}): after {@code maxFailures} failed sign-ins for one user
 * or from one address within {@code window}, sign-ins concerning it answer 429 until the oldest failure is older.
 *
 * @param maxFailures failed sign-ins of one user or from one address before sign-ins are refused
 * @param window      how long a failed sign-in counts
 */
@Validated
@ConfigurationProperties(prefix = "workflows.security.sign-in")
public record SignInLimits(@DefaultValue("10") @Min(1) int maxFailures, @DefaultValue("5m") Duration window) {}
