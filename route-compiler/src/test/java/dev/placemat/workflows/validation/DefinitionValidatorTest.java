package dev.placemat.workflows.validation;

import static dev.placemat.workflows.testing.Definitions.VALIDATOR;
import static dev.placemat.workflows.testing.Definitions.json;
import static dev.placemat.workflows.testing.Definitions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.placemat.workflows.definition.RetryPolicy;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.testing.Definitions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefinitionValidatorTest {

    private static List<FieldError> errorsOf(String definition) {
        try {
            VALIDATOR.validate(json(definition));
            throw new AssertionError("expected the definition to be rejected");
        } catch (InvalidDefinitionException e) {
            return e.errors();
        }
    }

    @Test
    void readsStepsWithDefaultsAndNumbersInOrder() {
        WorkflowDefinition d = Definitions.webhook("[{'action_type':'test.echo','config':{'value':1}},"
                + "{'step_number':5,'action_type':'test.echo','config':{},'timeout_seconds':7,"
                + "'retry_config':{'max_retries':1,'retry_delay':10,'backoff_multiplier':3}}]");
        assertThat(d.steps()).extracting(StepSpec::number, StepSpec::timeoutSeconds)
                .containsExactly(tuple(1, 300), tuple(5, 7));
        assertThat(d.steps().get(0).retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(d.steps().get(1).retry()).isEqualTo(new RetryPolicy(1, 10, 3.0));
    }

    @Test
    void collectsEveryErrorAtOnce() {
        List<FieldError> errors = errorsOf("{'name':'','trigger':{'type':'nope'},'steps':[{'action_type':'x.y'},"
                + "{'action_type':'test.echo','timeout_seconds':0,'retry_config':{'max_retries':-2}}]}");
        assertThat(errors).extracting(FieldError::path, FieldError::code).contains(
                tuple("name", "required"),
                tuple("trigger.type", "unknown_trigger_type"),
                tuple("steps[0].action_type", "unknown_action_type"),
                tuple("steps[1].timeout_seconds", "range"),
                tuple("steps[1].retry_config.max_retries", "range"));
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    /** Steps of a manual workflow that each hold one mistake, and where and what the one error is. */
    static Stream<Arguments> stepsWithOneMistake() {
        return Stream.of(
                arguments("duplicate step numbers", "{'step_number':1,'action_type':'test.echo'},"
                        + "{'step_number':1,'action_type':'test.echo'}", "steps[1].step_number", "duplicate_step_number"),
                arguments("an unknown operator instead of treating it as true", "{'action_type':'test.echo',"
                        + "'condition':{'field':'trigger.type','operator':'approximately','value':1}}",
                        "steps[0].condition.operator", "unknown_operator"),
                arguments("a reference to a step that has not run", "{'action_type':'test.echo','config':"
                        + "{'value':'{{step_2.x}}'}},{'action_type':'test.echo'}", "steps[0].config.value",
                        "step_not_run_yet"),
                arguments("a nested action against its own schema", "{'action_type':'control.condition','config':"
                        + "{'conditions':[{'field':'a','operator':'equals','value':1}],'then_actions':"
                        + "[{'action_type':'test.flaky','config':{'fail_times':'x'}}]}}",
                        "steps[0].config.then_actions[0].config.fail_times", "type"),
                arguments("a template default that is not a literal", "{'action_type':'test.echo','config':"
                        + "{'value':'{{webhook_data.name | default: friend}}'}}", "steps[0].config.value",
                        "invalid_template"));
    }

    @ParameterizedTest(name = "rejects {0}")
    @MethodSource("stepsWithOneMistake")
    void rejectsTheMistakeAtItsPath(String mistake, String steps, String path, String code) {
        assertThat(errorsOf("{'name':'n','trigger':{'type':'manual'},'steps':[" + steps + "]}"))
                .extracting(FieldError::path, FieldError::code)
                .containsExactly(tuple(path, code));
    }

    @Test
    void acceptsAWholeTemplateWhereANumberIsExpected() {
        WorkflowDefinition d = Definitions.webhook("[{'action_type':'test.sleep','config':{'millis':'{{webhook_data.ms}}'}}]");
        assertThat(d.steps()).hasSize(1);
    }

    @Test
    void rejectsANonObject() {
        assertThatThrownBy(() -> VALIDATOR.validate(json("[1,2]")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("$: type");
    }

    private static final String LOOP = "{'action_type':'control.loop','config':{'items_field':'trigger.items',"
            + "'max_iterations':%s,'loop_actions':[%s]}}";

    @Test
    void refusesNestedLoopsWhoseBoundsMultiplyPastTheStepBudget() {
        String nested = LOOP.formatted(10000, LOOP.formatted(10000, "{'action_type':'test.echo'}"));
        List<FieldError> errors = errorsOf("{'name':'n','trigger':{'type':'manual'},'steps':[" + nested + "]}");
        assertThat(errors).extracting(FieldError::path, FieldError::code).containsExactly(
                tuple("steps[0].config.loop_actions[0].config.max_iterations", "step_budget"));
        assertThat(errors.get(0).message()).contains("100000000 times", "at most 10000 steps",
                "workflows.limits.max-steps-per-execution");
        Definitions.parse("{'name':'n','trigger':{'type':'manual'},'steps':["
                + LOOP.formatted(100, LOOP.formatted(100, "{'action_type':'test.echo'}")) + "]}");
    }

    @Test
    void countsTheDefaultBoundAndLeavesTemplatedBoundsToTheRunTime() {
        String defaults = LOOP.replace("'max_iterations':%s,", "");
        assertThat(errorsOf("{'name':'n','trigger':{'type':'manual'},'steps':["
                + defaults.formatted(LOOP.formatted(1000, "{'action_type':'test.echo'}")) + "]}"))
                .extracting(FieldError::path, FieldError::code).containsExactly(
                        tuple("steps[0].config.loop_actions[0].config.max_iterations", "step_budget"));
        String templated = LOOP.formatted("'{{trigger.n}}'", LOOP.formatted(10000, "{'action_type':'test.echo'}"));
        Definitions.parse("{'name':'n','trigger':{'type':'manual'},'steps':[" + templated + "]}");
    }

    @Test
    void appliesTheStepBudgetItIsGiven() {
        DefinitionValidator small = new DefinitionValidator(Definitions.REGISTRY, new ConfigSchemas(),
                DefinitionValidator.defaultRules(java.time.Duration.ofSeconds(60)), new DefinitionLimits(500),
                AddressCheck.NONE);
        assertThatThrownBy(() -> small.validate(json("{'name':'n','trigger':{'type':'manual'},'steps':["
                + LOOP.formatted(1000, "{'action_type':'test.echo'}") + "]}")))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("steps[0].config.max_iterations"));
    }

    @Test
    void refusesValuesOutsideTheBoundsDeclaredOnConfigRecordsNamingTheRange() {
        List<FieldError> errors = errorsOf("{'name':'n','trigger':{'type':'manual'},'steps':["
                + LOOP.formatted(0, "{'action_type':'test.echo'}") + ","
                + LOOP.formatted(10001, "{'action_type':'test.echo'}") + ","
                + "{'action_type':'control.wait','config':{'duration_seconds':-1}},"
                + "{'action_type':'control.wait','config':{'duration_seconds':2592001}}]}");
        assertThat(errors).extracting(FieldError::path, FieldError::code, FieldError::message).containsExactly(
                tuple("steps[0].config.max_iterations", "range", "max_iterations must be between 1 and 10000, not 0"),
                tuple("steps[1].config.max_iterations", "range",
                        "max_iterations must be between 1 and 10000, not 10001"),
                tuple("steps[2].config.duration_seconds", "range",
                        "duration_seconds must be between 0 and 2592000, not -1"),
                tuple("steps[3].config.duration_seconds", "range",
                        "duration_seconds must be between 0 and 2592000, not 2592001"));
        Definitions.webhook("[{'action_type':'control.wait','config':{'duration_seconds':2592000}}]");
        Definitions.webhook("[{'action_type':'control.wait','config':{'duration_seconds':'{{webhook_data.s}}'}}]");
    }

    @Test
    void checksLiteralAddressesWithThePlatformsCheckAndLeavesTemplatedHostsToTheRunTime() {
        DefinitionValidator guarded = new DefinitionValidator(Definitions.REGISTRY, new ConfigSchemas(),
                DefinitionValidator.defaultRules(java.time.Duration.ofSeconds(60)), DefinitionLimits.DEFAULT,
                uri -> uri.getHost().startsWith("169.254.") ? java.util.Optional.of("internal") : java.util.Optional.empty());
        String steps = java.util.stream.Stream.of("http://169.254.169.254/latest/meta-data",
                        "http://169.254.169.254/{{webhook_data.path}}", "file:///etc/passwd", "gopher://x.example/",
                        "ftp{{webhook_data.x}}", "not a url", "https://api.example.com/{{webhook_data.path}}",
                        "https://{{webhook_data.host}}/x", "{{webhook_data.url}}", "HTTPS://api.example.com")
                .map(url -> "{'action_type':'test.call','config':{'url':'" + url + "'}}")
                .collect(java.util.stream.Collectors.joining(","));
        assertThatThrownBy(() -> guarded.validate(json("{'name':'n','trigger':{'type':'webhook'},'steps':["
                + steps + "]}"))).isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path, FieldError::code).containsExactly(
                                tuple("steps[0].config.url", "address_refused"),
                                tuple("steps[1].config.url", "address_refused"),
                                tuple("steps[2].config.url", "address_refused"),
                                tuple("steps[3].config.url", "address_refused"),
                                tuple("steps[4].config.url", "url"),
                                tuple("steps[5].config.url", "url")));
    }

    @Test
    void acceptsTemplateDefaultsThatAreLiterals() {
        Definitions.webhook("[{'action_type':'test.echo','config':{'value':'{{webhook_data.n | default: 0}} and "
                + "{{webhook_data.name | default: \\'friend\\'}}'}}]");
    }

    @Test
    void acceptsStepNamesNotesAndTagsAnywhereAndKeepsThemOutOfTheSteps() {
        WorkflowDefinition d = parse("{'name':'n','tags':['finance','daily'],'trigger':{'type':'manual'},'steps':["
                + "{'action_type':'control.condition','name':'Over budget?','notes':'Ask finance first',"
                + "'config':{'conditions':[{'field':'a','operator':'exists'}],"
                + "'then_actions':[{'action_type':'test.echo','name':'Tell them','notes':'n','config':{}}]}}]}");
        assertThat(d.steps()).hasSize(1);
        assertThat(d.steps().get(0).children("then")).hasSize(1);
    }

    @Test
    void rejectsOverlongStepNamesAndTagsThatAreNotWords() {
        String longName = "x".repeat(101);
        assertThat(errorsOf("{'name':'n','tags':['ok','',3],'trigger':{'type':'manual'},'steps':["
                + "{'action_type':'test.echo','name':'" + longName + "','notes':7}]}"))
                .extracting(FieldError::path, FieldError::code)
                .containsExactlyInAnyOrder(
                        tuple("tags[1]", "type"),
                        tuple("tags[2]", "type"),
                        tuple("steps[0].name", "too_long"),
                        tuple("steps[0].notes", "type"));
        assertThat(errorsOf("{'name':'n','tags':'finance','trigger':{'type':'manual'},'steps':["
                + "{'action_type':'test.echo'}]}"))
                .extracting(FieldError::path, FieldError::code)
                .containsExactly(tuple("tags", "type"));
    }
}
