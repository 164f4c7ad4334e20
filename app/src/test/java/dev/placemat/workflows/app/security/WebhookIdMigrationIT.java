package dev.placemat.workflows.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.placemat.workflows.app.support.IntegrationTest;
import dev.placemat.workflows.app.support.Migrations;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Webhook ids became unique: a database of the previous version in which two workflows share an id migrates, the
 * oldest keeps it, the other gets a new one in its row and its definitions, and the audit trail says so.
 */
class WebhookIdMigrationIT extends IntegrationTest {

    @Autowired
    DataSource platformDatabase;

    @Test
    void sharedWebhookIdsOfAnEarlierVersionBecomeOnePerWorkflow() throws Exception {
        String platformUrl;
        try (var c = platformDatabase.getConnection()) {
            platformUrl = c.getMetaData().getURL();
        }
        String url = platformUrl.replaceFirst("/postgres(\\?.*)?$", "/migration_check");
        String password = databaseCredentials().superuserPassword();
        JdbcClient superuser = JdbcClient.create(new DriverManagerDataSource(platformUrl, "postgres", password));
        superuser.sql("DROP DATABASE IF EXISTS migration_check").update();
        superuser.sql("CREATE DATABASE migration_check").update();
        DataSource old = new DriverManagerDataSource(url, "postgres", password);
        Migrations.of(old).target("30").load().migrate();
        JdbcClient db = JdbcClient.create(old);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        for (UUID id : List.of(first, second)) {
            db.sql("INSERT INTO workflows (id, name, trigger_type, trigger_config, webhook_id, created_at, "
                            + "deployed_version) VALUES (:id, 'w', 'webhook', '{\"webhook_id\":\"shared-webhook-id-0001\"}', "
                            + "'shared-webhook-id-0001', now() - (CASE WHEN :id = :first THEN interval '1 day' "
                            + "ELSE interval '0' END), 1)")
                    .param("id", id).param("first", first).update();
            db.sql("INSERT INTO workflow_versions (workflow_id, version, definition) VALUES (:id, 1, '{\"name\":\"w\","
                    + "\"trigger\":{\"type\":\"webhook\",\"config\":{\"webhook_id\":\"shared-webhook-id-0001\"}},"
                    + "\"steps\":[]}')").param("id", id).update();
        }

        Migrations.of(old).load().migrate();

        assertThat(db.sql("SELECT webhook_id FROM workflows WHERE id = :id").param("id", first).query(String.class)
                .single()).isEqualTo("shared-webhook-id-0001");
        String renamed = db.sql("SELECT webhook_id FROM workflows WHERE id = :id").param("id", second)
                .query(String.class).single();
        assertThat(renamed).isNotEqualTo("shared-webhook-id-0001").matches("[A-Za-z0-9_-]{16,64}");
        assertThat(db.sql("SELECT definition::jsonb #>> '{trigger,config,webhook_id}' FROM workflow_versions "
                + "WHERE workflow_id = :id").param("id", second).query(String.class).single()).isEqualTo(renamed);
        assertThat(db.sql("SELECT trigger_config ->> 'webhook_id' FROM workflows WHERE id = :id").param("id", second)
                .query(String.class).single()).isEqualTo(renamed);
        assertThat(db.sql("SELECT count(*) FROM audit_log WHERE action = 'workflow.webhook_id_changed' AND "
                + "target_id = :id").param("id", second.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(db.sql("SELECT count(*) FROM connections").query(Long.class).single()).isZero();
    }
}
