package dev.placemat.workflows.validation;

import static dev.placemat.workflows.testing.Definitions.REGISTRY;
import static dev.placemat.workflows.testing.Definitions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTriggerRuleTest {

    private static final DefinitionValidator EVERY_MINUTE = new DefinitionValidator(REGISTRY, new ConfigSchemas());
    private static final DefinitionValidator EVERY_SECOND = new DefinitionValidator(REGISTRY, new ConfigSchemas(),
            DefinitionValidator.defaultRules(Duration.ofSeconds(1)));

    private static List<FieldError> errors(DefinitionValidator validator, String config) {
        try {
            validator.validate(json("{'name':'s','trigger':{'type':'schedule','config':" + config + "},'steps':"
                    + "[{'action_type':'test.echo','config':{}}]}"));
            return List.of();
        } catch (InvalidDefinitionException e) {
            return e.errors();
        }
    }

    @Test
    void acceptsTheDesignsWeeklyReport() {
        assertThat(errors(EVERY_MINUTE, "{'cron_expression':'0 9 * * MON','timezone':'Australia/Sydney'}")).isEmpty();
        assertThat(errors(EVERY_MINUTE, "{'cron_expression':'* * * * *'}")).isEmpty();
    }

    @Test
    void refusesUntranslatableExpressionsAndUnknownZonesWithTheirPaths() {
        assertThat(errors(EVERY_MINUTE, "{'cron_expression':'0 9 1 * MON','timezone':'Mars/Olympus'}"))
                .extracting(FieldError::path, FieldError::code)
                .containsExactlyInAnyOrder(tuple("trigger.config.cron_expression", "invalid_cron"),
                        tuple("trigger.config.timezone", "unknown_timezone"));
        assertThat(errors(EVERY_MINUTE, "{}")).extracting(FieldError::path)
                .containsExactly("trigger.config.cron_expression");
    }

    @Test
    void refusesSchedulesMoreFrequentThanTheMinimumAnywhereInTheNextFires() {
        assertThat(errors(EVERY_MINUTE, "{'cron_expression':'*/30 * * * * *'}")).extracting(FieldError::code)
                .containsExactly("invalid_cron");
        assertThat(errors(EVERY_SECOND, "{'cron_expression':'*/2 * * * * *'}")).isEmpty();
        DefinitionValidator hourly = new DefinitionValidator(REGISTRY, new ConfigSchemas(),
                DefinitionValidator.defaultRules(Duration.ofHours(1)));
        assertThat(errors(hourly, "{'cron_expression':'0 9 * * *'}")).isEmpty();
        assertThat(errors(hourly, "{'cron_expression':'0,59 9 * * *'}")).extracting(FieldError::code, FieldError::message)
                .containsExactly(tuple("too_frequent", "'0,59 9 * * *' fires as often as every 3540 s; schedules may "
                        + "fire at most every 3600 s"));
    }

    @Test
    void refusesSchedulesThatNeverFire() {
        assertThat(errors(EVERY_MINUTE, "{'cron_expression':'0 0 30 2 *'}")).extracting(FieldError::code)
                .containsExactly("never_fires");
    }
}
