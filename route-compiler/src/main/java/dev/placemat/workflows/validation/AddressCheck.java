package dev.placemat.workflows.validation;

import java.net.URI;
import java.util.Optional;

/**
 * The platform's judgement of an outbound http or https address written in a definition, from its text alone (no
 * DNS lookup: a name's address may change before the step runs, when the outbound guard checks it again).
 */
@FunctionalInterface
public interface AddressCheck {

    /** Accepts every address: for tools and tests without a platform. */
    AddressCheck NONE = uri -> Optional.empty();

    /** Why a step may not call {@code uri}, in words for people; empty when it may. */
    Optional<String> refusal(URI uri);
}
