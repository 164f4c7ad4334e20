package dev.placemat.workflows.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: connectors -> route-compiler, app -> both; nothing depends on app or Spring below it.
 * Inside the app, packages are features (workflow, execution, webhook...) and depend on each other without cycles.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.placemat.workflows");

    @Test
    void routeCompilerKnowsNothingOfSpringTheAppOrTheConnectors() {
        noClasses().that().resideInAnyPackage("dev.placemat.workflows.definition..", "dev.placemat.workflows.validation..",
                        "dev.placemat.workflows.compiler..", "dev.placemat.workflows.template..",
                        "dev.placemat.workflows.spi..", "dev.placemat.workflows.runtime..",
                        "dev.placemat.workflows.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                        "dev.placemat.workflows.app..", "dev.placemat.workflows.connectors..")
                .check(CLASSES);
    }

    @Test
    void connectorsKnowNothingOfSpringOrTheApp() {
        noClasses().that().resideInAPackage("dev.placemat.workflows.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.placemat.workflows.app..")
                .check(CLASSES);
    }

    @Test
    void appFeaturePackagesHaveNoCycles() {
        slices().matching("dev.placemat.workflows.app.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void servicesAndRepositoriesKnowNothingOfHttp() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .or().haveSimpleNameEndingWith("Store")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void theAppMakesNoObjectMapperOfItsOwn() {
        noClasses().that().resideInAPackage("dev.placemat.workflows.app..")
                .and().resideOutsideOfPackage("dev.placemat.workflows.app.config..")
                .should().callConstructorWhere(target(owner(assignableTo(ObjectMapper.class))))
                .orShould().callMethodWhere(target(owner(assignableTo(JsonMapper.class))).and(target(name("builder"))))
                .because("the application's ObjectMapper bean (spring.jackson.*, Jackson2ObjectMapperBuilderCustomizer) "
                        + "is the one every class uses; a class that needs other settings derives them from it "
                        + "(copy(), an ObjectReader)")
                .check(CLASSES);
    }
}
