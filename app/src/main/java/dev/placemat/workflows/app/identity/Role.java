package dev.placemat.workflows.app.identity;

import java.util.Locale;

/** Who may do what: viewers read, editors change and run workflows, admins do everything. */
public enum Role {
    VIEWER,
    EDITOR,
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
