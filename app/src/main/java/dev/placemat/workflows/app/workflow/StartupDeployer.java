package dev.placemat.workflows.app.workflow;

import dev.placemat.workflows.app.deploy.RouteDeployer;
import dev.placemat.workflows.validation.DefinitionValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On startup, compiles and loads every active workflow at its deployed version. */
@Component
@Order(10)
public class StartupDeployer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupDeployer.class);

    private final WorkflowRepository workflows;
    private final DefinitionValidator validator;
    private final RouteDeployer deployer;

    public StartupDeployer(WorkflowRepository workflows, DefinitionValidator validator, RouteDeployer deployer) {
        this.workflows = workflows;
        this.validator = validator;
        this.deployer = deployer;
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = 0;
        for (WorkflowRow row : workflows.deployed()) {
            try {
                deployer.deploy(row.id(), row.deployedVersion(), validator.validate(row.definition()));
                loaded++;
            } catch (RuntimeException e) {
                log.error("workflow {} ({}) could not be loaded: {}", row.id(), row.name(), e.getMessage());
            }
        }
        log.info("loaded {} deployed workflow(s)", loaded);
    }
}
