package dev.placemat.workflows.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Placemat Workflows: workflows compiled into Camel routes, every step recorded in PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PlacematApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlacematApplication.class, args);
    }
}
