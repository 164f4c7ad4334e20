package dev.placemat.workflows.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.placemat.workflows.runtime.EngineThreads;
import dev.placemat.workflows.testing.Definitions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.DelayDefinition;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SplitDefinition;
import org.junit.jupiter.api.Test;

/** Asserts on the produced route model; no CamelContext is started. */
class WorkflowCompilerTest {

    private final WorkflowCompiler compiler = new WorkflowCompiler(Definitions.REGISTRY, new EngineThreads(
            Executors.newSingleThreadExecutor(), Executors.newSingleThreadScheduledExecutor(), Duration.ofSeconds(30)),
            null);

    private RouteDefinition compile(String steps) {
        return compiler.compile("wf1", Definitions.webhook(steps), "wf1-7").body();
    }

    /** The route's nodes without its onException clauses. */
    private static List<ProcessorDefinition<?>> nodes(RouteDefinition route) {
        return route.getOutputs().stream().filter(o -> !(o instanceof OnExceptionDefinition)).toList();
    }

    @Test
    void compilesOneNodePerStepWithStableIds() {
        RouteDefinition route = compile("[{'action_type':'test.echo'},{'action_type':'test.echo'}]");
        assertThat(route.getRouteId()).isEqualTo("wf-wf1-7");
        assertThat(route.getInput().getEndpointUri()).isEqualTo("direct:wf-wf1-7");
        assertThat(route.getOutputs()).filteredOn(ProcessDefinition.class::isInstance)
                .extracting(ProcessorDefinition::getId)
                .containsExactly("wf-wf1-step-1", "wf-wf1-step-2");
    }

    @Test
    void compilesAConditionalStepIntoAChoiceWithASkippedBranch() {
        RouteDefinition route = compile("[{'action_type':'test.echo','condition':"
                + "{'field':'webhook_data.a','operator':'equals','value':1}}]");
        ChoiceDefinition choice = (ChoiceDefinition) nodes(route).get(0);
        assertThat(choice.getId()).isEqualTo("wf-wf1-step-1-condition");
        assertThat(choice.getWhenClauses()).hasSize(1);
        assertThat(choice.getWhenClauses().get(0).getOutputs().get(0).getId()).isEqualTo("wf-wf1-step-1");
        assertThat(choice.getOtherwise().getOutputs().get(0).getId()).isEqualTo("wf-wf1-step-1-skipped");
    }

    @Test
    void compilesOneAsynchronousRedeliveryPolicyPerStepThatRetries() {
        RouteDefinition route = compile("[{'action_type':'test.echo','retry_config':{'max_retries':2,'retry_delay':50,"
                + "'backoff_multiplier':3}},{'action_type':'test.echo','retry_config':{'max_retries':0}},"
                + "{'action_type':'test.echo'}]");
        List<OnExceptionDefinition> policies = route.getOutputs().stream()
                .filter(OnExceptionDefinition.class::isInstance).map(OnExceptionDefinition.class::cast).toList();
        assertThat(policies).hasSize(2);
        var first = policies.get(0).getRedeliveryPolicyType();
        assertThat(first.getMaximumRedeliveries()).isEqualTo("2");
        assertThat(first.getRedeliveryDelay()).as("each attempt's wait is RetryWait's, set on the exchange").isNull();
        assertThat(first.getAsyncDelayedRedelivery()).isEqualTo("true");
        assertThat(policies.get(1).getRedeliveryPolicyType().getMaximumRedeliveries()).isEqualTo("3");
        assertThat(policies.get(0).getOnWhen().getExpression().toString()).contains("stepKey=1");
    }

    @Test
    void compilesControlStepsIntoChoiceSplitAndDelay() {
        RouteDefinition route = compile("[{'action_type':'control.condition','config':{'conditions':"
                + "[{'field':'webhook_data.a','operator':'equals','value':1}],"
                + "'then_actions':[{'action_type':'test.echo'}],'else_actions':[{'action_type':'test.echo'}]}},"
                + "{'action_type':'control.loop','config':{'items_field':'webhook_data.items','loop_actions':"
                + "[{'action_type':'test.echo'}]}},{'action_type':'control.wait','config':{'duration_seconds':1}}]");
        List<ProcessorDefinition<?>> outputs = nodes(route);
        assertThat(outputs).extracting(ProcessorDefinition::getId).containsExactly(
                "wf-wf1-step-1", "wf-wf1-step-1-branch", "wf-wf1-step-2", "wf-wf1-step-2-loop",
                "wf-wf1-step-2-loop-end", "wf-wf1-step-3", "wf-wf1-step-3-gate", "wf-wf1-step-3-delay",
                "wf-wf1-step-3-wait-end");
        ChoiceDefinition branch = (ChoiceDefinition) outputs.get(1);
        assertThat(branch.getWhenClauses().get(0).getOutputs()).extracting(ProcessorDefinition::getId)
                .containsExactly("wf-wf1-step-1.then.1");
        assertThat(branch.getOtherwise().getOutputs()).extracting(ProcessorDefinition::getId)
                .containsExactly("wf-wf1-step-1.else.1");
        SplitDefinition loop = (SplitDefinition) outputs.get(3);
        assertThat(loop.getOutputs()).extracting(ProcessorDefinition::getId)
                .containsExactly("wf-wf1-step-2-iteration", "wf-wf1-step-2.loop.1");
        assertThat(outputs.get(7)).isInstanceOf(DelayDefinition.class);
    }

    @Test
    void leavesTheDefinitionUntouched() {
        var definition = Definitions.webhook("[{'action_type':'test.echo','config':{'value':'{{webhook_data.a}}'}}]");
        String before = definition.steps().get(0).config().toString();
        compiler.compile("wf1", definition, "k");
        assertThat(definition.steps().get(0).config().toString()).isEqualTo(before);
    }
}
