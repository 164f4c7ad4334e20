package dev.placemat.workflows.connectors.data;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
/**
 * A string that a regular expression reads under the expression's budget: every few thousand characters read, the
 * budget's time is checked, so that a pattern that backtracks without end stops at the time limit.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class GuardedText implements CharSequence {

    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final ExpressionBudget budget;
    private int reads;

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0) {
            budget.check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new GuardedText(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
        return text;
    }
}
