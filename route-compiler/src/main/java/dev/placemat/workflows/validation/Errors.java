package dev.placemat.workflows.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects every error of one validation run. */
public final class Errors {

    private final List<FieldError> list = new ArrayList<>();

    public void add(String path, String code, String message) {
        list.add(new FieldError(path, code, message));
    }

    public void addAll(List<FieldError> errors) {
        list.addAll(errors);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidDefinitionException(list);
        }
    }
}
