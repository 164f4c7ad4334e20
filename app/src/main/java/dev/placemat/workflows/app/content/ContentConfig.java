package dev.placemat.workflows.app.content;

import dev.placemat.workflows.app.config.WorkflowsProperties;
import dev.placemat.workflows.connectors.files.DirectoryFileStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where step files live: {@code <data dir>/files}, served under {@link FilesController#PREFIX}. */
@Configuration(proxyBeanMethods = false)
public class ContentConfig {

    @Bean
    DirectoryFileStore fileStore(WorkflowsProperties properties) {
        return new DirectoryFileStore(properties.dataDir().resolve("files"), FilesController.PREFIX);
    }
}
