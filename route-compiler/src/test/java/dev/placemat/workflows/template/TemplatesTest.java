package dev.placemat.workflows.template;

import static dev.placemat.workflows.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final JsonNode context = json("{'step_1':{'name':'Acme','amount':1200,'tags':['a','b'],"
            + "'rows':[{'x':1},{'x':2}]},'webhook_data':{'text':'{{step_1.name}} ${jndi:x} #{1+1}'}}");

    @Test
    void wholeTemplateKeepsTheValuesType() {
        assertThat(Templates.resolve(json("'{{step_1.amount}}'"), context).isNumber()).isTrue();
        assertThat(Templates.resolve(json("'{{ step_1.tags }}'"), context)).isEqualTo(json("['a','b']"));
        assertThat(Templates.resolve(json("'{{step_1}}'"), context).get("name").asText()).isEqualTo("Acme");
    }

    @Test
    void templatesInsideTextAreRenderedAsText() {
        JsonNode out = Templates.resolve(json("{'s':'Won {{step_1.name}} worth {{step_1.amount}} {{step_1.tags}}'}"), context);
        assertThat(out.get("s").asText()).isEqualTo("Won Acme worth 1200 [\"a\",\"b\"]");
    }

    @Test
    void indexesWorkWithBracketsAndDots() {
        assertThat(Templates.resolve(json("'{{step_1.rows[1].x}}'"), context).asInt()).isEqualTo(2);
        assertThat(Templates.resolve(json("'{{step_1.rows.0.x}}'"), context).asInt()).isEqualTo(1);
    }

    @Test
    void missingPathsGiveNullOrEmptyText() {
        assertThat(Templates.resolve(json("'{{step_9.name}}'"), context).isNull()).isTrue();
        assertThat(Templates.resolve(json("'a{{step_9.name}}b'"), context).asText()).isEqualTo("ab");
    }

    @Test
    void dataIsNeverRenderedAgain() {
        JsonNode out = Templates.resolve(json("'{{webhook_data.text}}'"), context);
        assertThat(out.asText()).isEqualTo("{{step_1.name}} ${jndi:x} #{1+1}");
    }

    @Test
    void expressionsAreNotPaths() {
        for (String hostile : new String[] {"T(java.lang.Runtime).getRuntime().exec('id')", "env:HOME",
            "${user.home}", "#{1+1}", "step_1.name()", "../etc/passwd", "a..b", "step_1['name']", ""}) {
            assertThat(Paths.isValid(hostile)).as(hostile).isFalse();
            assertThat(Paths.lookup(context, hostile).isMissingNode()).as(hostile).isTrue();
        }
        assertThat(Templates.resolve(json("'x{{env:HOME}}y'"), context).asText()).isEqualTo("xy");
    }

    @Test
    void findsEveryReference() {
        assertThat(Templates.references("{{a.b}} and {{ step_2.c[0] }}")).containsExactly("a.b", "step_2.c[0]");
    }
}
