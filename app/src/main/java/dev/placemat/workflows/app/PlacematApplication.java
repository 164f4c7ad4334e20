package dev.placemat.workflows.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Placemat Workflows: workflows compiled into Camel routes, every step recorded in PostgreSQL. The auto-configurations
 * left out configure what the platform never uses (Camel's service-call cloud, its secret vaults and route templates,
 * Spring MVC's Mustache views, a WebSocket container): each start parsed them and made their beans for nothing
 * (bench/README.md, nineteenth session).
 */
@SpringBootApplication(excludeName = {
    "org.apache.camel.spring.boot.cloud.CamelCloudAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudServiceCallConfigurationAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudServiceChooserAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudServiceDiscoveryAutoConfiguration",
    "org.apache.camel.spring.boot.cloud.CamelCloudServiceFilterAutoConfiguration",
    "org.apache.camel.spring.boot.routetemplate.CamelRouteTemplateAutoConfiguration",
    "org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.AzureVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.CyberArkVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.GcpVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.HashicorpVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.IBMVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.KubernetesConfigMapVaultAutoConfiguration",
    "org.apache.camel.spring.boot.vault.KubernetesVaultAutoConfiguration",
    "org.springframework.boot.autoconfigure.mustache.MustacheAutoConfiguration",
    "org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration"})
@ConfigurationPropertiesScan
@EnableScheduling
public class PlacematApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlacematApplication.class, args);
    }
}
