package dev.placemat.workflows.connectors.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.spi.StepFailure;
import org.junit.jupiter.api.Test;

/**
 * Values written as their column's type, in the shapes of Notion's page property values (API reference, "Page
 * properties"), for the types the other tests do not reach; a value a column cannot take is refused naming both.
 */
class NotionColumnsTest {

    private static final String PAGE = "0c1f7cb2-8a3b-4c5d-9e6f-1a2b3c4d5e6f";

    private static String write(String type, String value) throws Exception {
        return NotionColumns.write("Col", type, StepFixture.JSON.readTree(value)).toString();
    }

    @Test
    void writesDatesEmailsUrlsPhonesCheckboxesAndRelations() throws Exception {
        assertThat(write("date", "\"2026-05-01\"")).isEqualTo("{\"date\":{\"start\":\"2026-05-01\"}}");
        assertThat(write("date", "{\"start\":\"2026-05-01T09:30:00+10:00\",\"end\":\"2026-05-02\"}"))
                .isEqualTo("{\"date\":{\"start\":\"2026-05-01T09:30+10:00\",\"end\":\"2026-05-02\"}}");
        assertThat(write("date", "null")).isEqualTo("{\"date\":null}");
        assertThat(write("email", "\" ann@partner.org \"")).isEqualTo("{\"email\":\"ann@partner.org\"}");
        assertThat(write("url", "\"https://act.org.au/projects/7\"")).isEqualTo("{\"url\":\"https://act.org.au/projects/7\"}");
        assertThat(write("phone_number", "\"+61 2 5555 0100\"")).isEqualTo("{\"phone_number\":\"+61 2 5555 0100\"}");
        assertThat(write("checkbox", "\"yes\"")).isEqualTo("{\"checkbox\":true}");
        assertThat(write("checkbox", "false")).isEqualTo("{\"checkbox\":false}");
        assertThat(write("relation", "[\"" + PAGE + "\", {\"id\": \"" + PAGE + "\"}]"))
                .isEqualTo("{\"relation\":[{\"id\":\"" + PAGE + "\"},{\"id\":\"" + PAGE + "\"}]}");
    }

    @Test
    void refusesWhatAColumnCannotTakeNamingTheColumnAndTheValue() {
        assertRefused("date", "\"next Tuesday\"", "(date) cannot take 'next Tuesday': a date such as 2026-05-01");
        assertRefused("email", "\"ann at partner\"", "(email) cannot take 'ann at partner': an email address is needed");
        assertRefused("url", "\"javascript:alert(1)\"", "an http or https URL is needed");
        assertRefused("checkbox", "\"maybe\"", "(checkbox) cannot take 'maybe': true or false is needed");
        assertRefused("relation", "\"Harbour project\"", "give a page id (32 hexadecimal digits)");
        assertRefused("formula", "1", "which Notion computes or which cannot be written through the API");
    }

    private static void assertRefused(String type, String value, String message) {
        assertThatThrownBy(() -> write(type, value)).isInstanceOfSatisfying(StepFailure.class,
                f -> assertThat(f.retryable()).isFalse()).hasMessageContaining("the Notion column 'Col'")
                .hasMessageContaining(message);
    }

    @Test
    void splitsLongTextAtNotionsTwoThousandCharacters() throws Exception {
        JsonNode text = StepFixture.JSON.readTree(write("rich_text", "\"" + "a".repeat(4500) + "\"")).get("rich_text");
        assertThat(text).hasSize(3);
        assertThat(text.get(0).get("text").get("content").asText()).hasSize(2000);
        assertThat(text.get(2).get("text").get("content").asText()).hasSize(500);
    }
}
