package dev.placemat.workflows.validation;

/**
 * One thing wrong with a definition: where ({@code steps[2].config.url}), what kind ({@code required}) and what to
 * do, in words for people.
 */
public record FieldError(String path, String code, String message) {

    @Override
    public String toString() {
        return path + ": " + code + ": " + message;
    }
}
