package dev.placemat.workflows.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jar as it ships: the libraries the platform runs on, not the tools it was built with. */
class PackagedJarIT {

    @Test
    void carriesNoCompileTimeTools() throws IOException {
        try (JarFile jar = new JarFile("target/placemat-workflows.jar")) {
            List<String> libraries = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();
            assertThat(libraries).contains("BOOT-INF/lib/camel-core-model-4.17.0.jar")
                    .noneMatch(name -> name.startsWith("BOOT-INF/lib/lombok-"));
        }
    }
}
