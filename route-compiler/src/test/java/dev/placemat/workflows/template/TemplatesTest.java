package dev.placemat.workflows.template;

import static dev.placemat.workflows.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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

    @Test
    void numbersInTextAreWrittenAsPeopleWriteThem() {
        JsonNode numbers = json("{'big':3E+4,'money':12.50,'whole':30000.0,'tiny':0.0000001}");
        JsonNode decimal = JsonNodeFactory.instance.objectNode().put("amount", new java.math.BigDecimal("3E+4"));
        assertThat(Templates.resolve(json("'{{big}} {{money}} {{whole}} {{tiny}}'"), numbers).asText())
                .isEqualTo("30000 12.5 30000 0.0000001");
        assertThat(Templates.resolve(json("'Amount {{amount}}'"), decimal).asText()).isEqualTo("Amount 30000");
    }

    @Test
    void aDefaultStandsInForAPathThatLeadsNowhereOnly() {
        assertThat(Templates.resolve(json("'Hi {{step_9.name | default: \\'friend\\'}}'"), context).asText())
                .isEqualTo("Hi friend");
        assertThat(Templates.resolve(json("'{{step_9.n | default: 0}}'"), context).isInt()).isTrue();
        assertThat(Templates.resolve(json("'{{step_1.name | default: \\'x\\'}}'"), context).asText()).isEqualTo("Acme");
        assertThat(TemplateExpression.parse("step_1.name | default: x")).isEmpty();
        assertThat(TemplateExpression.parse("step_1.name | default: {\\'a\\':1}")).isEmpty();
        assertThat(TemplateExpression.parse("T(x) | default: 1")).isEmpty();
    }
}
