package dev.placemat.workflows.connectors.files;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.placemat.workflows.connectors.support.LoopbackGuard;
import dev.placemat.workflows.connectors.support.StepFixture;
import dev.placemat.workflows.connectors.support.TestServices;
import dev.placemat.workflows.spi.FileStore;
import dev.placemat.workflows.spi.OutboundGuard;
import dev.placemat.workflows.spi.StepContext;
import dev.placemat.workflows.spi.StepFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FileUploadActionTest {

    @RegisterExtension
    static final StepFixture FIXTURE = new StepFixture();
    private static WireMockServer files;

    @TempDir
    Path root;

    private DirectoryFileStore store;

    @BeforeAll
    static void start() {
        files = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        files.start();
    }

    @AfterAll
    static void stop() {
        files.stop();
    }

    @BeforeEach
    void setUp() {
        store = new DirectoryFileStore(root, "/api/files");
        files.resetAll();
    }

    @Test
    void fetchesAFileThroughTheGuardAndStoresItUnderItsDestinationName() throws Exception {
        files.stubFor(get("/exports/q1.csv").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv; charset=utf-8").withBody("a,b\n1,2\n")));
        LoopbackGuard guard = new LoopbackGuard(files.port());

        JsonNode out = upload("{\"source_url\": \"http://127.0.0.1:" + files.port() + "/exports/q1.csv\", "
                + "\"destination_path\": \"finance/2025/q1-export.csv\"}", guard);

        assertThat(out.path("name").asText()).isEqualTo("q1-export.csv");
        assertThat(out.path("size").asInt()).isEqualTo(8);
        assertThat(out.path("content_type").asText()).isEqualTo("text/csv; charset=utf-8");
        assertThat(out.path("file_url").asText()).matches("/api/files/[0-9a-f]{32}");
        assertThat(new String(store.read(out.path("file_url").asText()))).isEqualTo("a,b\n1,2\n");
        assertThat(guard.resolved()).containsExactly("127.0.0.1");
    }

    @Test
    void refusesALoopbackAddressTheGuardForbids() {
        files.stubFor(get("/secret").willReturn(aResponse().withStatus(200).withBody("internal")));

        assertThatThrownBy(() -> upload("{\"source_url\": \"http://127.0.0.1:" + files.port() + "/secret\"}",
                new LoopbackGuard()))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.retryable()).isFalse())
                .hasMessageContaining("is not allowed");
        assertThat(files.getAllServeEvents()).isEmpty();
        assertThat(root.toFile().list()).isNullOrEmpty();
    }

    @Test
    void refusesAFileLargerThanTheLimit() {
        files.stubFor(get("/big.bin").willReturn(aResponse().withStatus(200).withBody(new byte[1024 * 1024 + 1])));

        assertThatThrownBy(() -> upload("{\"source_url\": \"http://127.0.0.1:" + files.port() + "/big.bin\", "
                + "\"max_size_mb\": 1}", new LoopbackGuard(files.port())))
                .hasMessageContaining("is larger than 1 MB");
    }

    @Test
    void copiesAFileOfAnEarlierStep() throws Exception {
        FileStore.StoredFile earlier = store.save("report.pdf", "application/pdf", new byte[] {1, 2, 3});

        JsonNode data = StepFixture.json("{\"step_1\": " + StepFixture.output(earlier) + "}");

        JsonNode out = upload("{\"source_file\": \"" + earlier.fileUrl() + "\", \"destination_path\": \"archive/\"}",
                new LoopbackGuard(), data);

        assertThat(out.path("name").asText()).isEqualTo("report.pdf");
        assertThat(out.path("file_url").asText()).isNotEqualTo(earlier.fileUrl());
        assertThat(store.read(out.path("file_url").asText())).containsExactly(1, 2, 3);
    }

    @Test
    void theStoreKeepsNamesAsLabelsAndReadsOnlyItsOwnUrls() throws Exception {
        FileStore.StoredFile file = store.save("../../etc/passwd", "text/plain\r\nX-Evil: 1", new byte[] {42});

        assertThat(file.name()).isEqualTo("passwd");
        assertThat(file.contentType()).isEqualTo("application/octet-stream");
        assertThat(store.find(store.idOf(file.fileUrl()).orElseThrow())).contains(file);
        assertThat(FileNames.sanitise(".env")).isEqualTo("_env");
        assertThat(FileNames.sanitise("..")).isEqualTo("file");
        assertThatThrownBy(() -> store.read("/api/files/../../etc/passwd"))
                .hasMessageContaining("is not the file_url of a file stored by this platform");
        assertThatThrownBy(() -> store.read("https://elsewhere.example/api/files/" + "a".repeat(32)))
                .hasMessageContaining("is not the file_url");
    }

    private JsonNode upload(String config, OutboundGuard guard) throws Exception {
        return upload(config, guard, null);
    }

    private JsonNode upload(String config, OutboundGuard guard, JsonNode data) throws Exception {
        StepContext context = FIXTURE.context(data, new TestServices().with(FileStore.class, store)
                .with(OutboundGuard.class, guard));
        return StepFixture.output(new FileUploadAction().execute(
                StepFixture.config(FileUploadAction.Config.class, config), context));
    }

    @Test
    void storingAFileAgainIsSafe() {
        assertThat(new FileUploadAction().repeatSafe(null)).isTrue();
    }
}
