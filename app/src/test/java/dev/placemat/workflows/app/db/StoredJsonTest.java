package dev.placemat.workflows.app.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/** Stored JSON is read and written with the application's mapper, without the API's request depth limit. */
class StoredJsonTest {

    /** As the application's bean: requests nested deeper than 64 levels are refused. */
    private final ObjectMapper application = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    StoredJsonTest() {
        application.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void readsAStoredValueNestedDeeperThanARequestMayBe() {
        StoredJson stored = new StoredJson(application);
        assertThat(stored.read(nested(200)).get(0).get(0).isArray()).isTrue();
    }

    @Test
    void leavesTheApplicationsMapperAsItWas() {
        new StoredJson(application);
        assertThatThrownBy(() -> application.readTree(nested(200))).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void keepsTheApplicationsOtherSettings() {
        assertThatThrownBy(() -> new StoredJson(application).read("{} {}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void writesTheNulCharacterAsTheReplacementCharacterAndNullAsNoValue() {
        StoredJson stored = new StoredJson(application);
        assertThat(stored.write(JsonNodeFactory.instance.objectNode().put("a", "x\u0000y"))).isEqualTo("{\"a\":\"x\\uFFFDy\"}");
        assertThat(stored.write(JsonNodeFactory.instance.nullNode())).isNull();
        assertThat(stored.read(null)).isNull();
    }
}
