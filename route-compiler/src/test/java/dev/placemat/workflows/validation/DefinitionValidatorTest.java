package dev.placemat.workflows.validation;

import static dev.placemat.workflows.testing.Definitions.VALIDATOR;
import static dev.placemat.workflows.testing.Definitions.json;
import static dev.placemat.workflows.testing.Definitions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.placemat.workflows.definition.RetryPolicy;
import dev.placemat.workflows.definition.StepSpec;
import dev.placemat.workflows.definition.WorkflowDefinition;
import dev.placemat.workflows.testing.Definitions;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void rejectsDuplicateStepNumbers() {
        assertThat(errorsOf("{'name':'n','trigger':{'type':'manual'},'steps':[{'step_number':1,'action_type':'test.echo'},"
                + "{'step_number':1,'action_type':'test.echo'}]}"))
                .extracting(FieldError::path, FieldError::code)
                .containsExactly(tuple("steps[1].step_number", "duplicate_step_number"));
    }

    @Test
    void rejectsUnknownOperatorsInsteadOfTreatingThemAsTrue() {
        assertThat(errorsOf("{'name':'n','trigger':{'type':'manual'},'steps':[{'action_type':'test.echo',"
                + "'condition':{'field':'trigger.type','operator':'approximately','value':1}}]}"))
                .extracting(FieldError::path, FieldError::code)
                .containsExactly(tuple("steps[0].condition.operator", "unknown_operator"));
    }

    @Test
    void rejectsReferencesToStepsThatHaveNotRun() {
        assertThat(errorsOf("{'name':'n','trigger':{'type':'manual'},'steps':["
                + "{'action_type':'test.echo','config':{'value':'{{step_2.x}}'}},{'action_type':'test.echo'}]}"))
                .extracting(FieldError::path, FieldError::code)
                .containsExactly(tuple("steps[0].config.value", "step_not_run_yet"));
    }

    @Test
    void checksNestedActionsAgainstTheirOwnSchema() {
        List<FieldError> errors = errorsOf("{'name':'n','trigger':{'type':'manual'},'steps':[{'action_type':"
                + "'control.condition','config':{'conditions':[{'field':'a','operator':'equals','value':1}],"
                + "'then_actions':[{'action_type':'test.flaky','config':{'fail_times':'x'}}]}}]}");
        assertThat(errors).extracting(FieldError::path, FieldError::code)
                .containsExactly(tuple("steps[0].config.then_actions[0].config.fail_times", "type"));
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
