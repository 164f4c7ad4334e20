package dev.placemat.workflows.validation;

/**
 * The platform's limits that a definition is checked against when it is saved.
 *
 * @param maxStepsPerExecution the step attempts one execution may make ({@code workflows.limits.max-steps-per-execution});
 *                             nested loops whose literal bounds multiply past it are refused
 */
public record DefinitionLimits(int maxStepsPerExecution) {

    public static final DefinitionLimits DEFAULT = new DefinitionLimits(10_000);

    public DefinitionLimits {
        if (maxStepsPerExecution < 1) {
            throw new IllegalArgumentException("maxStepsPerExecution must be at least 1, not " + maxStepsPerExecution);
        }
    }
}
